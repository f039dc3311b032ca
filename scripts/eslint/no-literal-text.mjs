/**
 * Words a person reads belong in the message catalogues (src/renderer/src/i18n), or German users
 * meet English. Flags JSX text, string literals shown as JSX children, and text-carrying JSX
 * attributes that hold a literal sentence or label. Technical attribute values (class names,
 * roles, variants, ids) are single lowercase tokens and pass.
 */

/** Attributes whose values are never read by a person. */
const TECHNICAL = new Set([
  'className',
  'id',
  'htmlFor',
  'type',
  'role',
  'variant',
  'tone',
  'href',
  'name',
  'autoComplete',
  'inputMode',
  'key',
  'd',
  'viewBox',
  'method',
  'rel',
  'target',
  'lang',
  'pattern',
  'spellCheck',
  'dateTime',
  'accept',
  'download',
  'fill',
  'stroke',
  'xmlns',
  'aria-hidden',
  'aria-live',
  'aria-current',
  'aria-controls',
  'aria-describedby',
  'aria-labelledby',
  'aria-haspopup',
  'aria-sort',
  'aria-invalid',
  'aria-busy',
  'data-testid',
]);

/** A value someone reads: two letters in a row, and a space or a capital at the start. */
function isProse(value) {
  return /\p{L}{2}/u.test(value) && (/\s/.test(value.trim()) || /^\p{Lu}/u.test(value.trim()));
}

function isChildExpression(node) {
  let current = node;
  while (current.parent) {
    const parent = current.parent;
    if (parent.type === 'JSXExpressionContainer') {
      return parent.parent?.type === 'JSXElement' || parent.parent?.type === 'JSXFragment';
    }
    // Only literals that are themselves the shown value: `cond ? 'Yes' : 'No'`, `a ?? 'None'`.
    if (parent.type !== 'ConditionalExpression' && parent.type !== 'LogicalExpression')
      return false;
    if (parent.type === 'ConditionalExpression' && parent.test === current) return false;
    current = parent;
  }
  return false;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible text comes from the i18n message catalogues.' },
    schema: [],
    messages: {
      literal:
        'Text a person reads ("{{text}}") belongs in a message catalogue under src/renderer/src/i18n.',
    },
  },
  create(context) {
    const report = (node, text) =>
      context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
    return {
      JSXText(node) {
        if (/\p{L}/u.test(node.value)) report(node, node.value);
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXNamespacedName' ? node.name.name.name : node.name.name;
        if (TECHNICAL.has(name) || name.startsWith('data-')) return;
        const value = node.value;
        if (value?.type === 'Literal' && typeof value.value === 'string' && isProse(value.value)) {
          report(value, value.value);
        }
      },
      Literal(node) {
        if (
          typeof node.value === 'string' &&
          /\p{L}{2}/u.test(node.value) &&
          isChildExpression(node)
        ) {
          report(node, node.value);
        }
      },
      TemplateLiteral(node) {
        const text = node.quasis.map((quasi) => quasi.value.cooked ?? '').join(' ');
        if (/\p{L}{2}/u.test(text) && isChildExpression(node)) report(node, text);
      },
    };
  },
};
