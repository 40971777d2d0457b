export type {HeadingFact, TreeFacts} from './lib/collect.js'
export {collect} from './lib/collect.js'
export type {
  ArtifactOptions,
  ArtifactScore,
  CountScore,
  DocumentScore,
  HeadingScore,
  ListItemScore,
  TextScore,
  TotalScore,
  Tree,
} from './lib/metrics.js'
export {
  artifactLeaks,
  brokenWords,
  headingScore,
  listItemScore,
  listItemThreshold,
  overJoins,
  score,
  sequenceSimilarity,
  textScore,
  total,
} from './lib/metrics.js'
export {countRuns, normalizeText, tokens, words} from './lib/text.js'
