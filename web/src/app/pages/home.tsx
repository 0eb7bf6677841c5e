// The start screen: the caller's running sessions (each a link to its live screen), then where
// to charge: a site (where the server lists sites to the caller), a search, and the stations
// with how many connectors are free, a page at a time (the server filters and pages).
import { useEffect, useState } from "preact/hooks";
import { graphql } from "../../gql";
import { useQuery } from "../api";
import { fmtKWh, fmtTime, t } from "../i18n";
import { ErrorText, Field, Screen } from "../ui";

const ActiveQuery = graphql(`
  query AppActive {
    transactions(active: true, first: 10) {
      nodes {
        id
        stationId
        connectorId
        idTag
        startTime
        energyWh
        station {
          displayName
        }
      }
    }
  }
`);

const SitesQuery = graphql(`
  query AppSites {
    sites {
      name
      stations
    }
  }
`);

const StationsQuery = graphql(`
  query AppStations($site: String, $search: String, $after: String) {
    stations(site: $site, search: $search, first: 10, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        displayName
        site
        address
        connected
        connectors {
          connectorId
          status
        }
      }
    }
  }
`);

/** Statuses in which a connector can take a new session. */
export const FREE = new Set(["AVAILABLE", "PREPARING"]);

function Running() {
  const active = useQuery(ActiveQuery, {});
  // Back from the background (the phone slept): read again.
  useEffect(() => {
    const again = () => document.visibilityState === "visible" && active.reload();
    document.addEventListener("visibilitychange", again);
    return () => document.removeEventListener("visibilitychange", again);
  }, [active.reload]);
  const nodes = active.data?.transactions.nodes ?? [];
  if (!nodes.length) return null;
  return (
    <section aria-labelledby="running-title" class="running">
      <h2 id="running-title">{t("home.running")}</h2>
      <ul class="cards">
        {nodes.map((tx) => (
          <li key={tx.id}>
            <a class="card link-card live" href={`/app/session/${tx.id}`} data-testid={`running-${tx.id}`}>
              <strong>{tx.station?.displayName ?? tx.stationId}</strong>
              <span>
                {t("home.connector", { n: tx.connectorId })} · {t("home.since", { time: fmtTime(tx.startTime) })}
              </span>
              <span class="big">{fmtKWh(tx.energyWh)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Home() {
  const sites = useQuery(SitesQuery, {});
  const [site, setSite] = useState("");
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const after = pages[pages.length - 1];
  const stations = useQuery(StationsQuery, { site: site || null, search: search || null, after });
  // Typing searches once the text rests; Enter at once.
  useEffect(() => {
    const id = setTimeout(() => {
      setSearch(typed.trim());
      setPages([null]);
    }, 350);
    return () => clearTimeout(id);
  }, [typed]);
  const page = stations.data?.stations;
  // Every role may list sites (a server before that listed them to staff only: then a search alone).
  const siteList = sites.data?.sites ?? [];

  return (
    <Screen title={t("home.title")}>
      <Running />
      <section aria-labelledby="where-title">
        <h2 id="where-title">{t("home.where")}</h2>
        <form
          class="filters"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setSearch(typed.trim());
            setPages([null]);
          }}
        >
          {siteList.length > 0 && (
            <Field label={t("home.site")}>
              <select
                value={site}
                onChange={(e) => {
                  setSite(e.currentTarget.value);
                  setPages([null]);
                }}
              >
                <option value="">{t("home.allSites")}</option>
                {siteList.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field label={t("home.search")}>
            <input type="search" name="search" value={typed} placeholder={t("home.searchHint")} onInput={(e) => setTyped(e.currentTarget.value)} />
          </Field>
        </form>
        <ErrorText error={stations.error} />
        {stations.loading && !page && <p class="muted">{t("common.loading")}</p>}
        {page && page.nodes.length === 0 && <p class="muted">{t("home.noStations")}</p>}
        {page && page.nodes.length > 0 && (
          <ul class="cards" data-testid="stations">
            {page.nodes.map((s) => {
              const outlets = s.connectors.filter((c) => c.connectorId > 0);
              const free = outlets.filter((c) => FREE.has(c.status ?? "")).length;
              return (
                <li key={s.id}>
                  <a class="card link-card" href={`/app/station/${encodeURIComponent(s.id)}`}>
                    <strong>{s.displayName ?? s.id}</strong>
                    {(s.site || s.address) && <span class="muted">{[s.site, s.address].filter(Boolean).join(" · ")}</span>}
                    <span class={s.connected && free > 0 ? "free" : "busy"}>
                      {s.connected ? t("home.free", { free, total: outlets.length }) : t("home.offline")}
                    </span>
                  </a>
                </li>
              );
            })}
          </ul>
        )}
        {page && (pages.length > 1 || page.pageInfo.hasNextPage) && (
          <nav class="pager" aria-label={t("common.pages")}>
            <button type="button" disabled={pages.length <= 1} onClick={() => setPages(pages.slice(0, -1))}>
              {t("common.previous")}
            </button>
            <span class="muted">{t("home.count", { n: page.totalCount })}</span>
            <button
              type="button"
              disabled={!page.pageInfo.hasNextPage}
              onClick={() => setPages([...pages, page.pageInfo.endCursor ?? null])}
            >
              {t("common.next")}
            </button>
          </nav>
        )}
      </section>
    </Screen>
  );
}
