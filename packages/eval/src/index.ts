export type {AsideFact, CellFact, HeadingFact, TableFact, TreeFacts} from './lib/collect.js'
export {collect} from './lib/collect.js'
export type {CorpusGold} from './lib/corpus.js'
export {corpusGoldDir, defaultCorpus, listCorpusGold} from './lib/corpus.js'
export type {EvalOptions, EvalReport, GoldDocument, SurveyDocument} from './lib/evaluate.js'
export {evaluate} from './lib/evaluate.js'
export type {
  ArtifactOptions,
  ArtifactScore,
  AsideScore,
  CountScore,
  DocumentScore,
  HeadingScore,
  ListItemScore,
  TableScore,
  TextScore,
  TotalScore,
  Tree,
} from './lib/metrics.js'
export {
  artifactLeaks,
  asideScore,
  asideThreshold,
  brokenWords,
  headingScore,
  listItemScore,
  listItemThreshold,
  overJoins,
  score,
  sequenceSimilarity,
  tableMatchThreshold,
  tableScore,
  textScore,
  total,
} from './lib/metrics.js'
export type {OrderReport} from './lib/order.js'
export {hasPdftotext, orderReport, referencePages, treeLetters, treeText} from './lib/order.js'
export type {FileRun, Found} from './lib/pipeline.js'
export {marginLines, runFile} from './lib/pipeline.js'
export {formatReport, goldColumns, goldTable, surveyColumns, surveyTable} from './lib/report.js'
export {countRuns, normalizeText, tokens, words} from './lib/text.js'
