// The indicator registry as the app reads it: labels, units, directions, explanations and
// challenges of every indicator, in the chosen language, from `GET /api/registry?lang=`.
// A server without that route still works: entries are then made from `/api/meta`'s list
// (its English labels), with the challenge and the percent format told from the name.

import { getJson } from "./api.js";
import { t } from "./i18n.js";

export const CHALLENGES = ["segregation", "access", "climate", "population"];

const CHALLENGE_OF = [
  ["segregation", /segregation|dissimilarity|isolation|entropy|lisa|(^|_)lq(_|$)|gini|theil|palma/],
  ["access", /^access|2sfca|nearest|cumulative|gravity|(^|_)reach|walk|bike|transit/],
  ["climate", /heat|flood|vulnerab|green|ndvi|tree|canopy|landcover|vegetation|cooling/],
];

function guessChallenge(name) {
  const found = CHALLENGE_OF.find(([, test]) => test.test(name));
  return found ? found[0] : "population";
}

function guessed(indicator) {
  const name = indicator.name;
  const own = t("app", `ind.${name}`);
  return {
    id: name,
    label: own !== `ind.${name}` ? own : indicator.label || name,
    direction: "neutral",
    explanation: "",
    challenge: guessChallenge(name),
    percent: /^share:|(^|_)share$|_rate$|_probability$/.test(name),
    unit: /^share:|(^|_)share$|_rate$/.test(name) ? "%" : indicator.unit || "",
    decimals: null,
    method_url: null,
  };
}

/**
 * The registry for `lang`: `{byId: Map(id → entry), challenges: {id: label}, levels: {id:
 * label}, reasons: {reason: text}, fromServer: bool}`.
 */
export async function loadRegistry(lang, meta) {
  let body = null;
  try {
    body = await getJson("/api/registry", { lang });
  } catch (_) {
    body = null; // an older server: entries from /api/meta
  }
  const byId = new Map();
  for (const indicator of meta.indicators) if (!byId.has(indicator.name)) byId.set(indicator.name, guessed(indicator));
  const labelsOf = (list) => Object.fromEntries((list || []).map((item) => [item.id, item.label]));
  if (body && Array.isArray(body.indicators)) {
    for (const entry of body.indicators) byId.set(entry.id, { ...guessed({ name: entry.id }), ...entry });
  }
  return {
    byId,
    challenges: body ? labelsOf(body.challenges) : {},
    levels: body ? labelsOf(body.levels) : {},
    reasons: (body && body.no_data_reasons) || {},
    fromServer: Boolean(body && body.indicators),
  };
}

/** The registry entry of an indicator name (made from the name when the registry lacks it). */
export function describe(registry, name, fallback = {}) {
  return registry.byId.get(name) || guessed({ name, ...fallback });
}

/** Words of `query` all found in the entry's label, explanation or challenge (any case). */
export function matches(entry, query, challengeLabel = "") {
  const text = `${entry.label} ${entry.explanation || ""} ${challengeLabel}`.toLocaleLowerCase();
  return query.toLocaleLowerCase().split(/\s+/).filter(Boolean).every((word) => text.includes(word));
}
