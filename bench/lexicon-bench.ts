/**
 * Lexicon micro-benchmark: load time (CC-CEDICT + glossary + jieba teaching) and expandQuery time.
 * Run: node --import tsx bench/lexicon-bench.ts
 */
import { Lexicon } from "../src/lexicon/lexicon.ts";
import { tokenize } from "../src/text/segment.ts";

const questions = [
  "当年当当网顶住了哪家海外巨头的进攻?",
  "《互联》平时多久推送一次新内容?",
  "In the fake-partner scam story, how did the boss propose to split the work?",
  "国轩高科在欧洲入股了哪家电池初创公司?持股多少?",
  "Who was the 'rogue' Arm China CEO in the 2021 dispute?",
  "微软CEO最近对AI发出了什么警告?",
];
const calls = 1000;

// Warm jieba first so its own dictionary load is not billed to the lexicon.
let started = performance.now();
tokenize("预热分词器 warm up");
const jiebaMs = performance.now() - started;

started = performance.now();
const lexicon = Lexicon.load();
const loadMs = performance.now() - started;

for (const question of questions) lexicon.expandQuery(question); // first calls fill the memo
started = performance.now();
for (let call = 0; call < calls; call += 1) lexicon.expandQuery(questions[call % questions.length] ?? "");
const perQueryMs = (performance.now() - started) / calls;

started = performance.now();
const coldQuestion = "Which Chinese chipmakers did the Commerce Department add to the Entity List in 2024?";
lexicon.expandQuery(coldQuestion);
const coldQueryMs = performance.now() - started;

console.log(`jieba warm-up      ${jiebaMs.toFixed(1)} ms`);
console.log(`Lexicon.load       ${loadMs.toFixed(1)} ms`);
console.log(`expandQuery (warm) ${(perQueryMs * 1000).toFixed(1)} µs/question over ${calls} calls`);
console.log(`expandQuery (cold) ${coldQueryMs.toFixed(2)} ms for an unseen question`);
