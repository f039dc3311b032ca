import type { OfflineRequest } from '../../../../shared/offline-model';
import { Button } from '../../components/button';
import { downloadText } from '../../components/download';
import { QrCodes } from './qr-codes';
import { tOffline, type RequestFileKind } from '../../i18n/offline.en';

/** A request file to carry to the vendor's offline portal: saved as a file, or scanned. */
export function RequestFile({
  request,
  file,
}: {
  readonly request: OfflineRequest;
  readonly file: RequestFileKind;
}) {
  return (
    <div className="request-file">
      <div className="request-file__save">
        <p className="request-file__name">
          <code>{request.fileName}</code>
        </p>
        <Button
          variant="primary"
          onClick={() => downloadText(`${request.text}\n`, request.fileName, 'text/plain')}
        >
          {tOffline().files[file].save}
        </Button>
      </div>
      <QrCodes codes={request.qrCodes} file={file} />
    </div>
  );
}
