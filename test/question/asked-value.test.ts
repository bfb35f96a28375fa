import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "../../src/question/analyze-question.ts";
import { decliningClauses, holdsAnyAskedValue } from "../../src/question/asked-value.ts";

function holds(question: string, sentence: string): boolean {
  return holdsAnyAskedValue(sentence, analyzeQuestion(question), question);
}

describe("holdsAnyAskedValue", () => {
  it.each([
    ["How much does the plan cost?", "The plan costs $12 a month.", true],
    ["How much does the plan cost?", "The plan launched in 2019.", false],
    // A CVE is asked by its identifier; a size in memory or storage by its unit.
    ["Which CVE was assigned to the parser flaw?", "The parser flaw is tracked as CVE-2026-31337.", true],
    ["Which CVE was assigned to the parser flaw?", "The parser flaw was fixed in version 0.1.", false],
    ["这个解析漏洞的 CVE 编号是什么？", "该漏洞在 0.1 版本中修复。", false],
    ["他买的手机是多大内存和存储容量的版本？", "我买的是 16+512 的版本。", true],
    ["他买的手机是多大内存和存储容量的版本？", "我用了这台手机差不多一个月。", false],
    ["How much RAM does the new board have?", "The board ships with 8 GB of RAM.", true],
    ["How much RAM does the new board have?", "The board ships with 2 USB ports.", false],
    // A weight is told in its unit, not by any number.
    ["这台新手机有多重？", "这是我用了十多年 iPhone 后换的手机。", false],
    ["这台新手机有多重？", "它是同尺寸里最轻的 179g。", true],
    ["How heavy is the new handheld?", "The handheld weighs 1.2 kg with its battery.", true],
    ["How heavy is the new handheld?", "The handheld has 2 sticks and 4 buttons.", false],
    // 多重签名 (multisig) asks no weight.
    ["这个多重签名钱包需要几个签名？", "它需要 3 个签名。", true],
    // A ratio answers "what ratio", "什么比例".
    ["新系统上，旧应用会以什么比例显示？", "旧应用将会以 16：9 的比例显示。", true],
    ["新系统上，旧应用会以什么比例显示？", "旧应用将会以默认比例显示。", false],
    // A time told by an event answers "when".
    ["2019 路线图里的新功能，更多细节什么时候公布？", "不过更多细节要等到今年的开发者大会。", true],
    ["When will the new sync engine ship?", "It ships at the Orbit Developer Conference.", true],
    ["When will the new sync engine ship?", "It was shown to developers at a meetup.", false],
    // A choice is answered by one of its two answers, in any form.
    ["Was the Orbit proposal accepted or rejected?", "The Orbit proposal is under review.", false],
    ["Was the Orbit proposal accepted or rejected?", "The Orbit proposal was rejected in March.", true],
    ["这个项目是开源还是闭源的？", "这个项目目前还在测试。", false],
    ["这个项目是开源还是闭源的？", "这个项目已经在 GitHub 上开源。", true],
    // A version is asked: a size or a pull request's number is none.
    ["这个新方法是在哪个 Orbit 版本中发布的？", "Orbit #2949 增加了这个方法，检查 80 字节的上限。", false],
    ["这个新方法是在哪个 Orbit 版本中发布的？", "这个方法随 Orbit 0.32 发布。", true],
    [
      "Which Orbit version shipped the new method?",
      "Orbit #2949 adds the method, checking the 80-byte limit.",
      false,
    ],
    ["Which Orbit version shipped the new method?", "The method shipped in Orbit 0.32.", true],
    // A store, a studio or a podcast is no person.
    ["Who wrote the new launcher app?", "The launcher app is on the App Store now.", false],
    [
      "Who built the new launcher app?",
      "The launcher app, built by Grace Hopper, is on the App Store.",
      true,
    ],
    ["这个启动器的开发者是谁？", "这个启动器在 Google Play 上就能下载。", false],
    // A time the question says itself ("this year", 今年) is not the time asked for.
    [
      "On what dates is the Orbit summit taking place this year?",
      "We are busy preparing the Orbit summit, which I co-organize this year.",
      false,
    ],
    [
      "On what dates is the Orbit summit taking place this year?",
      "The Orbit summit takes place on May 4 and 5 this year.",
      true,
    ],
    ["When is the Orbit summit taking place this year?", "The Orbit summit is next month.", true],
    ["今年的 Orbit 大会什么时候举行？", "我今年也会参加 Orbit 大会。", false],
    // A time told from another answers "when".
    [
      "When are the details of a flaw published?",
      "Details are published two weeks after the fixed release.",
      true,
    ],
    ["补丁的细节什么时候公开？", "细节会在修复版本发布约两周后公开。", true],
    ["When are the details of a flaw published?", "Details are published once the fix has shipped.", false],
    ["When is the code freeze?", "We're one week away from the code freeze.", true],
    [
      "How much will the group spend on data centres?",
      "It will spend 380 billion yuan over three years.",
      true,
    ],
    ["这台相机卖多少钱？", "售价199元人民币。", true],
    // A multiple answers "relative to": "20x the value", "twice the list price".
    [
      "How much must a buyer pay relative to the list price?",
      "Buyers pay at least 20x the list price.",
      true,
    ],
    ["How much must a buyer pay relative to the list price?", "Buyers pay twice the list price.", true],
    ["How much must a buyer pay relative to the list price?", "Buyers pay the list price in 2024.", false],
    ["这台相机卖多少钱？", "仔细一看，是一个 Bash 脚本。", false],
    // A rate word or 元 inside another word is no price, even beside a number.
    ["这个计划每年投多少钱？", "每年把钱分成 3 份，一份买指数。", false],
    ["这个库收费多少钱？", "新版本有 12 个单元测试。", false],
    ["这个会员多少钱？", "一个月才 20 刀。", true],
    // A year the question gives is not the date it asks for; a month of that year is.
    [
      "Looking back at 2024, when did the port open its new terminal?",
      "By the end of 2024, ports were busy.",
      false,
    ],
    ["Looking back at 2024, when did the port open its new terminal?", "It opened in March.", true],
    ["2024 年里，新码头是什么时候开的？", "2024年，港口很忙。", false],
    ["2024 年里，新码头是什么时候开的？", "新码头在2024年3月开放。", true],
    // "Which day" asks for a day: a month or a year alone does not give it.
    ["新码头是哪一天开放的？", "新码头在2024年3月开放。", false],
    ["新码头是哪一天开放的？", "新码头在2024年3月18日开放。", true],
    // 哪几天 asks for days too, not a span.
    ["2024 年的大会在哪几天举行？", "在2024年大会上，苹果推出了新功能。", false],
    ["2024 年的大会在哪几天举行？", "大会将于 6 月 3 日到 6 月 7 日举行。", true],
    ["On what date did the port open its new terminal?", "It opened in March 2024.", false],
    ["On what date did the port open its new terminal?", "It opened on March 18, 2024.", true],
    ["On what date did the port open its new terminal?", "It opened on the 18th.", true],
    ["By what date must the forms be sent?", "Send them before April 18th.", true],
    // A change asked for ("how much faster", "降低了多少") is told by its two ends.
    ["How much faster did the scan get?", "Scans went from 8.14 seconds to 2.59 seconds.", true],
    ["How much faster did the scan get?", "Scans now take 2.59 seconds.", false],
    ["耗时降低了多少？", "耗时从 120ms 降到 40ms。", true],
    ["耗时降低了多少？", "耗时只有 40ms。", false],
    // "At what time" asks for a time of day.
    ["At what time does the keynote start?", "The keynote is on June 7 this month.", false],
    ["At what time does the keynote start?", "The keynote starts at 10 a.m. Pacific.", true],
    ["发布会几点开始？", "发布会在6月7日举行。", false],
    ["发布会几点开始？", "发布会在北京时间凌晨1点开始。", true],
    ["How long does a charge last?", "A charge lasts about 40 minutes.", true],
    ["How long does a charge last?", "Over the course of an hour or so it was done.", true],
    ["How long does a charge last?", "The charger weighs 65 grams.", false],
    ["Over what period will the fund invest?", "It is a decade-long, $2 billion fund.", true],
    ["How long is the lease?", "They signed a ten-year lease on the site.", true],
    ["多久推送一次？", "每周推送两次。", true],
    // "多" after the number or its measure word ("9 个多月", "十多年") is still a span of time.
    ["从测试版到正式版用了多长时间？", "到如今的正式版，总共经过了 9 个多月。", true],
    ["这个项目维护了多久？", "作者一个人默默维护了十多年。", true],
    ["How often does it ship?", "It ships twice per week.", true],
    ["When was the forum founded?", "The day before yesterday the forum ran out of money.", false],
    ["When was the forum founded?", "The forum was founded in 1999.", true],
    ["这款芯片什么时候量产？", "天问二号拍摄了照片。", false],
    ["这款芯片什么时候量产？", "计划于2026年3月量产。", true],
    ["How many satellites will it launch with 4000 kg?", "It can carry 4000 kg.", false],
    ["How many satellites will it launch?", "It will launch 12 satellites.", true],
    // Free is a price with no number, but no size of a price cut; a date is no amount.
    ["How much does the app cost?", "The app is free.", true],
    [
      "By how much did the shop cut the repair price?",
      "Phones made from 2016 to 2018 are repaired for free.",
      false,
    ],
    [
      "By how much did the shop cut the repair price?",
      "The repair price was cut from 608 yuan to 218 yuan.",
      true,
    ],
    ["维修费用下调了多少？", "2016 年 9 月至 2018 年 2 月生产的设备将免费维修。", false],
    // "By how much" asks the size of a change: a multiple, a share or an amount.
    ["By roughly how much does the new design cut the cost?", "It cuts the cost by over 1,000 times.", true],
    ["By roughly how much does the new design cut the cost?", "It is much cheaper than before.", false],
    ["By how much did the shop cut the repair price?", "The repair price was cut by 390 yuan.", true],
    // A person a deed was done by, though written as a lower-case handle.
    ["测试指南是谁写的？", "28.0 候选版本的测试指南由 rkrux 编写。", true],
    ["测试指南是谁写的？", "测试指南由社区编写。", false],
    ["Who hosted the review club meeting?", "The meeting was hosted by glozow.", true],
    ["Who hosted the review club meeting?", "The meeting was hosted by the team.", false],
    // Counting: 几条 asks a count and 几 is none; a digit inside a word (P2P), an edition's year
    // (Europe 2026) and a day written "14th December" count nothing.
    ["作者一共列了几条法则？", "他铭记于心的几条法则。", false],
    ["作者一共列了几条法则？", "他总结了 5 条法则。", true],
    ["具体版本号是多少？", "该节点支持通过扩展 P2P 网络协议来中继交易。", false],
    [
      "How many votes were cast?",
      "The CFP for Orbitcon Europe 2026 closes before 14th December 2025.",
      false,
    ],
    ["How many votes were cast?", "A total of 312 votes were cast.", true],
    // "One" is as often a pronoun: only "only one", "just one" count.
    ["How many votes were cast?", "Request an exception if you need one.", false],
    ["How many votes were cast?", "Only one vote was cast.", true],
    // A number word the question says itself is given, not told.
    ["How many candidates ran for the four open seats?", "The election is open for four seats.", false],
    ["How many candidates ran for the four open seats?", "Seven candidates ran for the seats.", true],
    // A version number is written in digits: "两种" is no version.
    ["这次发布的测试版具体版本号是多少？", "支持常规和桥两种节点。", false],
    ["这次发布的测试版具体版本号是多少？", "发布了 0.2.1 测试版。", true],
    // Which versions: a version written as one, not any number beside the story.
    ["Which Orbit Server versions are affected?", "It crashed the server within about 30 seconds.", false],
    ["Which Orbit Server versions are affected?", "It affects Orbit Server 23.02 through 23.05.2.", true],
    ["Which Orbit Server versions are affected?", "Swift 5 fixes it.", true],
    [
      "Orbit 3.0 把依赖的 Comet 升级到了哪个版本？",
      "Orbit 更新到了 3.0 版本，把依赖 Comet 更新到了 2。",
      true,
    ],
    ["Orbit 3.0 把依赖的 Comet 升级到了哪个版本？", "Orbit 更新到了 3.0 版本。", false],
    // An ordinal names one of a series: "第三种方法" counts nothing ("第三次" counts times).
    ["一笔交易最多能承载多少个合约？", "第三种替代方法可以把资金分给新的合约。", false],
    ["一笔交易最多能承载多少个合约？", "一笔交易可以承载 100 个合约。", true],
    ["Who founded the lab?", "The lab was founded by Grace Hopper in 1950.", true],
    ["Who founded the lab?", "the lab was founded long ago.", false],
    ["Why did the team leave?", "Anything at all.", true],
    ["How often does the editor meet the team?", "They meet every three weeks for half an hour.", true],
    ["How often does the editor meet the team?", "The meeting lasted 30 minutes.", false],
    ["经理多久跟他碰一次头？", "每过两周，我们见面一次。", true],
    ["经理多久跟他碰一次头？", "以30分钟为单位汇报工作。", false],
    ["Where does the author work these days?", "She has been working remotely from Lisbon.", true],
    // A place, not any name: a series' title is no answer to where.
    ["作者最近在哪里办公？", "过去几周，我一直在杭州远程工作。", true],
    ["作者最近在哪里办公？", "过去几周，我一直在夏威夷远程工作。", true],
    ["作者最近在哪里办公？", "我最近在写《生来全球化》系列，好几周没更新了。", false],
    ["Who was the editor who resigned?", "An editor resigned during a Chinese New Year holiday.", false],
    ["Who was the editor who resigned?", "Editor Dana Whitfield resigned on Monday.", true],
    // A name after the role the question names: a given name no dictionary holds, or a full name.
    [
      "Who is the Release Lead for the spring cycle?",
      "Welcome to the cycle with Release Lead Tamsin and the team!",
      true,
    ],
    [
      "Who is the Release Lead for the spring cycle?",
      "Welcome to the cycle with Release Lead Dana Whitfield!",
      true,
    ],
    [
      "Who is the Release Lead for the spring cycle?",
      "Welcome to the cycle with our Release Lead and the team!",
      false,
    ],
    ["Who is the Release Lead for the spring cycle?", "The Release Lead Team meets on Monday.", false],
    ["Where does the author work these days?", "she has been working remotely for weeks.", false],
    ["作者最近在哪里办公？", "这几周他一直在杭州市远程办公。", true],
    // A person asked by role ("the names of the developers", "who wrote", 作者是谁) needs a
    // person's name, not another product or place the sentence names.
    [
      "What are the names of the two Orbit developers?",
      "Two developers of the Orbit Bitcoin app were arrested.",
      false,
    ],
    [
      "What are the names of the two Orbit developers?",
      "Orbit developers Dana Whitfield and Lin Rowe were arrested.",
      true,
    ],
    ["Who wrote the caching patch?", "The LazyObject cache is cleared by Set() in Kubernetes.", false],
    ["Who wrote the caching patch?", "The caching patch is by @dwhitfield.", true],
    ["Who wrote the caching patch?", "The Common Expression Language caching patch landed.", false],
    ["Who wrote the caching patch?", "Grace Hopper wrote the caching patch.", true],
    ["Who are the chairs of the new working group?", "SIG-Network proposed the new working group.", false],
    [
      "Which SIG Testing chair moved to emeritus?",
      "SIG Testing chair Brian McQueen moved to emeritus.",
      true,
    ],
    ["Who are the chairs of the new group?", "The CFP for Maintainer Summit is open.", false],
    // A number labelling one of a series is no count of them.
    ["How many episodes did the podcast release?", "In episode 7 of the podcast, the hosts talk.", false],
    ["How many episodes did the podcast release?", "The podcast ran for 92 episodes.", true],
    ["一共出了多少期？", "在第 7 期里，主持人聊了服务端。", false],
    ["How many proposals were accepted?", "Newsletter #276 lists them.", false],
    // A name opening the question is the asker's, not a new one; jieba's "person" 严重性 is a word.
    ["Dana Ruiz 公布的漏洞最早是谁披露的？", "Dana Ruiz 宣布了这个低严重性漏洞。", false],
    ["Dana Ruiz 公布的漏洞最早是谁披露的？", "该漏洞最初由 Lin Rowe 负责任地披露。", true],
    // Chinese text keeps names in Latin letters, often in lower case; an English word there is no name.
    ["Pake 换成了哪个工具来管理依赖？", "开发者使用更加方便：完全迁移到 pnpm，安装速度快不少。", true],
    ["Pake 换成了哪个工具来管理依赖？", "开发者使用更加方便：安装 app 速度快不少。", false],
    // With the year given, "this year" tells no more of when.
    ["When does Orbitcon 2020 start?", "This year's Orbitcon 2020 has two tracks.", false],
    ["When does Orbitcon 2020 start?", "Orbitcon 2020 starts on June 22.", true],
    ["When does Orbitcon start?", "This year's Orbitcon has two tracks.", true],
    // A capitalised word for a kind of body or role names no one by itself.
    [
      "What is the name of the Orbit 2.0 release?",
      "Applications for the Orbit 2.0 Release Team shadow program closed.",
      false,
    ],
    ["What is the name of the Orbit 2.0 release?", "The Orbit 2.0 release is named Lumen.", true],
    // A human language's name answers "which language" (as a nationality word it names no one).
    ["这份周报被翻译成了哪种语言？", "Our brief has been translated into the Japanese language.", true],
    ["这份周报被翻译成了哪种语言？", "Our brief has been translated by volunteers.", false],
    // A number a buying verb says was paid is a price; a count of what was bought is not.
    ["这个软件的授权一年多少钱？", "淘宝购买正版授权才 40 多一年，其实很不错了。", true],
    ["这台相机多少钱？", "我买了才 3 台相机。", false],
    // A multiple needs its number: "整数倍的页大小", "at times" give none.
    ["读写性能快多少倍？", "它需要整数倍的物理页大小。", false],
    ["读写性能快多少倍？", "读写性能快了 100 倍。", true],
    ["How many times faster is the new parser?", "At times the new parser stalls.", false],
    ["How many times faster is the new parser?", "The new parser is three times faster.", true],
    // A path answers which directory or folder.
    ["这个工具是从哪个目录读取工作流文件的？", "安装后直接读取 .orbit/flows/ 里面的文件去执行。", true],
    ["这个工具是从哪个目录读取工作流文件的？", "安装后直接读取里面的文件去执行。", false],
    ["Which folder does the tool read its settings from?", "It reads ~/.config/orbit at start.", true],
    // Dates, shares and spans of time count no things; time is counted where asked.
    ["How many votes did the candidate get?", "Voting opens on May 15 and closes in 2026.", false],
    [
      "How many votes did the candidate get?",
      "Members who joined during the first four months may vote.",
      false,
    ],
    ["How many users switched?", "About 30% of users switched last year.", false],
    ["How many months did the migration take?", "The migration took four months.", true],
    ["How much did revenue grow?", "Revenue grew 30% on the year.", true],
    // A handle after a role word is a person; an everyday word or an acronym there is not.
    ["Which developer found the slow sort?", "Developer 0xC0DE9 traced it to the sorting function.", true],
    ["Which developer found the slow sort?", "Developer qubitfox traced it to the sorting function.", true],
    ["Which developer found the slow sort?", "Developers reported it to the sorting team.", false],
    ["Which developer found the slow sort?", "Developers API traces pointed to the sorting function.", false],
    ["Who are the chairs of the new group?", "On Monday, Orbit Group met in Berlin.", false],
    ["是哪位开发者发现了排序变慢？", "开发者 Qubitfox 于 8 月发现了这个问题。", true],
    ["是哪位开发者发现了排序变慢？", "开发者 API 的调用记录指向了排序函数。", false],
    ["这本书的作者是谁？", "这本书在 GitHub 上开源。", false],
    ["这本书的作者是谁？", "这本书的作者钟书岚在杭州工作。", true],
    // A number the text calls a price is one, with no currency sign.
    ["这台手机现在多少钱？", "128G 版本 5499 这个价格很便宜。", true],
    ["How much does the camera cost?", "It is priced at 499 for the launch.", true],
    ["这台手机现在多少钱？", "128G 版本很便宜。", false],
    // A version counts nothing.
    ["How many clusters were affected?", "Update to etcd v3.5.26 before upgrading to v3.6.", false],
    ["How many clusters were affected?", "Patch 1.34.1 is out.", false],
    ["How many clusters were affected?", "About 40 clusters were affected.", true],
    ["How many clusters were affected?", "This is the last issue for 2025.", false],
    ["Which version fixes the Orbit bug?", "Upgrade to v1.5.0, which fixes it.", true],
    // A list's labels count nothing: "（一）…（二）…", "一、…二、…".
    ["这个仓库有多少个 star？", "从源码中学到的 （一）工程相关（二）代码相关", false],
    ["这个仓库有多少个 star？", "一、工程相关 二、代码相关", false],
    ["这个仓库有多少个 star？", "目前有三千个 star。", true],
    // A Latin name opening a Chinese sentence is a name, though no capital tells it.
    ["是哪家公司开源了这块控制板？", "Orbitron 宣布他们的控制板已经开源了。", true],
    // A company answers who acquired a company.
    ["Who acquired the startup?", "The startup was acquired by Globex last week.", true],
  ])("%s | %s → %s", (question, sentence, expected) => {
    expect(holds(question, sentence)).toBe(expected);
  });
});

describe("decliningClauses", () => {
  it.each([
    ["The model is open, but I'm not seeing any details yet on licensing.", 1],
    ["The startup raised an undisclosed amount.", 1],
    ["公司未透露具体价格。", 1],
    ["公司尚未确认发布日期。", 1],
    // "未确认的交易", "未公开的接口": unconfirmed transactions and private interfaces, not withholding.
    ["节点转发未确认的交易时，默认费率是 1 聪。", 0],
    ["它调用了未公开的接口。", 0],
    ["The startup raised $10M from two funds.", 0],
  ])("%s → %d", (sentence, count) => {
    expect(decliningClauses(sentence)).toHaveLength(count);
  });
});
