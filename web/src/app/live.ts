// The app's live data over graphql-transport-ws (lib/api's `live`, which re-subscribes by
// itself after LAGGED, a dropped network or a sleeping phone and asks the screen to re-read):
// a connector's status, a station's transactions starting and stopping, a transaction's meter
// values. Each names its station or transaction, which is cheap for the server.
import { useEffect, useRef } from "preact/hooks";
import { graphql } from "../gql";
import type { TypedDocumentString } from "../gql/graphql";
import { live } from "../lib/api";

export const ConnectorStatusSub = graphql(`
  subscription AppConnectorStatus($stationId: ID!) {
    connectorStatus(stationId: $stationId) {
      stationId
      connectorId
      status
      errorCode
    }
  }
`);

export const TransactionEventsSub = graphql(`
  subscription AppTransactionEvents($stationId: ID) {
    transactionEvents(stationId: $stationId) {
      kind
      transaction {
        id
        stationId
        connectorId
        idTag
        active
      }
    }
  }
`);

export const MeterValuesSub = graphql(`
  subscription AppMeterValues($transactionId: Int!) {
    meterValues(transactionId: $transactionId) {
      connectorId
      transactionId
      meterValues {
        timestamp
        sampledValues {
          measurand
          phase
          unit
          numericValue
        }
      }
    }
  }
`);

/** Follows `doc` while the screen is shown (and `enabled`); `resync` re-reads after a gap, and
 * also `settle` ms after each subscribe when given (see `LiveHandlers.settle`). */
export function useLive<TData, TVars>(
  doc: TypedDocumentString<TData, TVars>,
  variables: TVars,
  next: (data: TData) => void,
  resync?: () => void,
  enabled = true,
  settle?: number,
) {
  const handlers = useRef({ next, resync });
  handlers.current = { next, resync };
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (!enabled) return;
    return live(doc, variables, {
      next: (d) => handlers.current.next(d),
      resync: () => handlers.current.resync?.(),
      settle,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc, key, enabled, settle]);
}

/** A reading in W or Wh from a sampled value in W/kW or Wh/kWh. */
export function toBase(value: number, unit: string | null | undefined): number {
  return unit === "KW" || unit === "KWH" ? value * 1000 : value;
}

export interface Sample {
  measurand: string;
  phase?: string | null;
  unit?: string | null;
  numericValue?: number | null;
}

/** The value of `measurand` in a reading: the total (no phase), else the phases summed (power)
 * or the first phase (others); null when the reading has none. */
export function pick(samples: readonly Sample[], measurand: string, sumPhases = false): number | null {
  const of = samples.filter((s) => s.measurand === measurand && typeof s.numericValue === "number");
  if (!of.length) return null;
  const total = of.find((s) => !s.phase);
  if (total) return toBase(total.numericValue!, total.unit);
  const phases = of.filter((s) => /^L[123](_N)?$/.test(s.phase ?? ""));
  if (sumPhases && phases.length) return phases.reduce((sum, s) => sum + toBase(s.numericValue!, s.unit), 0);
  return toBase(of[0].numericValue!, of[0].unit);
}
