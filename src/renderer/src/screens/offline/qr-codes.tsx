import { useState } from 'react';
import type { QrCode } from '../../../../shared/offline-model';
import { Button } from '../../components/button';

/** Quiet zone around a code, in modules: scanners need the white border. */
const QUIET = 4;

/** The request as QR codes a phone can scan, one at a time when the file needs several. */
export function QrCodes({
  codes,
  what,
}: {
  readonly codes: readonly QrCode[];
  readonly what: string;
}) {
  const [shown, setShown] = useState(0);
  const index = Math.min(shown, codes.length - 1);
  const code = codes[index];
  if (!code) return null;
  const box = code.size + 2 * QUIET;
  const label =
    code.total > 1 ? `QR code ${code.index} of ${code.total} of ${what}` : `QR code of ${what}`;
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
            <span aria-live="polite">
              Code {code.index} of {code.total}: scan them all, in any order.
            </span>
            <span className="qr__pager">
              <Button size="sm" onClick={() => setShown(index - 1)} disabled={index === 0}>
                Previous
              </Button>
              <Button
                size="sm"
                onClick={() => setShown(index + 1)}
                disabled={index === codes.length - 1}
              >
                Next
              </Button>
            </span>
          </>
        ) : (
          'Scan with a phone to carry the request to a computer with internet.'
        )}
      </figcaption>
    </figure>
  );
}
