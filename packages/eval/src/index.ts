export type {HeadingFact, TreeFacts} from './lib/collect.js'
export {collect} from './lib/collect.js'
export type {CorpusGold} from './lib/corpus.js'
export {corpusGoldDir, defaultCorpus, listCorpusGold} from './lib/corpus.js'
export type {EvalOptions, EvalReport, GoldDocument, SurveyDocument} from './lib/evaluate.js'
export {evaluate} from './lib/evaluate.js'
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
export type {FileRun, Found} from './lib/pipeline.js'
export {marginLines, runFile} from './lib/pipeline.js'
export {formatReport, goldColumns, goldTable, surveyColumns, surveyTable} from './lib/report.js'
export {countRuns, normalizeText, tokens, words} from './lib/text.js'
