import { Fragment, type ReactNode } from 'react';

/**
 * A catalogue text whose `{placeholders}` hold elements ("Signed in as {name}" with the name in
 * bold): the translation decides where each one goes, so no sentence is glued from fragments.
 */
export function RichText({
  text,
  values,
}: {
  readonly text: string;
  readonly values: Readonly<Record<string, ReactNode>>;
}) {
  // split with a capturing group: the odd parts are the placeholder names.
  const parts = text.split(/\{(\w+)\}/);
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>{index % 2 === 1 ? values[part] : part}</Fragment>
      ))}
    </>
  );
}

/** A catalogue text with **bold** parts, so a translation puts the emphasis where its words go. */
export function Emphasised({ text }: { readonly text: string }) {
  return text
    .split('**')
    .map((part, index) => (index % 2 === 1 ? <strong key={index}>{part}</strong> : part));
}
