import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditListParams } from '../../../api/audit-schemas';
import type { ApiClient } from '../../../api/client';
import { downloadFile } from '../../../lib/download';
import { collectPages, ExportCancelled, type Progress } from '../lib/collect-pages';
import { auditCsvHeader, auditCsvRow, jsonLine } from '../lib/export-format';

/** Big pages: an export of 50,000 events is 50 requests. */
export const EXPORT_PAGE_SIZE = 1000;

export type ExportKind = 'csv' | 'jsonl' | 'feedback';

export const exportLabels: Record<ExportKind, string> = {
  csv: 'audit log CSV',
  jsonl: 'audit log JSONL',
  feedback: 'corrections JSONL',
};

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; kind: ExportKind; progress: Progress | null }
  | { status: 'done'; kind: ExportKind; count: number; fileName: string }
  | { status: 'cancelled'; kind: ExportKind }
  | { status: 'failed'; kind: ExportKind; error: unknown };

function stamp(now: Date): string {
  return now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

/** Runs one export at a time over the log's current filters; cancel stops between pages. */
export function useExport(api: ApiClient, params: AuditListParams) {
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (kind: ExportKind) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setState({ status: 'running', kind, progress: null });
      const onProgress = (progress: Progress) => {
        if (!abort.signal.aborted) setState({ status: 'running', kind, progress });
      };
      try {
        const result =
          kind === 'feedback'
            ? await collectPages({
                fetchPage: (cursor) =>
                  api.listFeedback({
                    query: {
                      from: params.from,
                      to: params.to,
                      limit: EXPORT_PAGE_SIZE,
                      cursor: cursor ?? undefined,
                    },
                  }),
                line: jsonLine,
                onProgress,
                signal: abort.signal,
              })
            : await collectPages({
                fetchPage: (cursor) =>
                  api.listAudit({
                    query: { ...params, limit: EXPORT_PAGE_SIZE, cursor: cursor ?? undefined },
                  }),
                line: kind === 'csv' ? auditCsvRow : jsonLine,
                header: kind === 'csv' ? auditCsvHeader() : undefined,
                onProgress,
                signal: abort.signal,
              });
        const name = kind === 'feedback' ? 'corrections' : 'audit-log';
        const extension = kind === 'csv' ? 'csv' : 'jsonl';
        const fileName = `${name}-${stamp(new Date())}.${extension}`;
        downloadFile(
          result.chunks,
          kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/x-ndjson',
          fileName,
        );
        setState({ status: 'done', kind, count: result.count, fileName });
      } catch (error) {
        if (error instanceof ExportCancelled) setState({ status: 'cancelled', kind });
        else if (!abort.signal.aborted) setState({ status: 'failed', kind, error });
      }
    },
    [api, params],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, start, cancel };
}
