import { useState } from 'react';
import type { QrCode } from '../../../../shared/offline-model';
import { Button } from '../../components/button';
import { tOffline, type RequestFileKind } from '../../i18n/offline.en';

/** Quiet zone around a code, in modules: scanners need the white border. */
const QUIET = 4;

/** The request as QR codes a phone can scan, one at a time when the file needs several. */
export function QrCodes({
  codes,
  file,
}: {
  readonly codes: readonly QrCode[];
  readonly file: RequestFileKind;
}) {
  const t = tOffline();
  const [shown, setShown] = useState(0);
  const index = Math.min(shown, codes.length - 1);
  const code = codes[index];
  if (!code) return null;
  const box = code.size + 2 * QUIET;
  const label = code.total > 1 ? t.files[file].qrPart(code.index, code.total) : t.files[file].qr;
  return (
    <figure className="qr">
      <svg
        className="qr__code"
        viewBox={`${-QUIET} ${-QUIET} ${box} ${box}`}
        role="img"
        aria-label={label}
        shapeRendering="crispEdges"
      >
        <rect x={-QUIET} y={-QUIET} width={box} height={box} fill="#fff" />
        <path d={code.path} fill="#000" />
      </svg>
      <figcaption className="qr__caption">
        {code.total > 1 ? (
          <>
            <span aria-live="polite">{t.qr.part(code.index, code.total)}</span>
            <span className="qr__pager">
              <Button size="sm" onClick={() => setShown(index - 1)} disabled={index === 0}>
                {t.qr.previous}
              </Button>
              <Button
                size="sm"
                onClick={() => setShown(index + 1)}
                disabled={index === codes.length - 1}
              >
                {t.qr.next}
              </Button>
            </span>
          </>
        ) : (
          t.qr.single
        )}
      </figcaption>
    </figure>
  );
}
