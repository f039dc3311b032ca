import type { AppInfo } from '../../../shared/model';
import { tCommon } from '../i18n/common.en';
import { Button } from './button';
import { Card } from './card';
import { labelLang, labelOf } from '../lib/vendor-words';

interface DemoKeysProps {
  readonly keys: AppInfo['demoKeys'];
  readonly onUse: (key: string) => void;
}

/**
 * Demo mode only. "Use this key" fills the field and stops there: activating is still the user's
 * own click, as it will be with a real key.
 */
export function DemoKeys({ keys, onUse }: DemoKeysProps) {
  if (keys.length === 0) return null;
  const t = tCommon().demoKeys;
  return (
    <Card
      className="demo-keys"
      labelledBy="demo-keys-title"
      title={t.title}
      description={t.description}
    >
      <ul className="demo-keys__list">
        {keys.map((demo, index) => (
          <li key={demo.key} className="demo-keys__item">
            <div className="demo-keys__text">
              {/* The demo configuration's label, English where it has no translation. */}
              <span className="demo-keys__label" id={`demo-key-${index}`} lang={labelLang(demo)}>
                {labelOf(demo)}
              </span>
              <code className="demo-keys__key">{demo.key}</code>
            </div>
            <Button
              size="sm"
              onClick={() => onUse(demo.key)}
              // "Use this key" and then which one: the name starts with the visible words, so speech
              // users can say what they see (WCAG 2.5.3), and the label keeps its own language.
              id={`demo-key-${index}-use`}
              aria-labelledby={`demo-key-${index}-use demo-key-${index}`}
            >
              {t.use}
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
