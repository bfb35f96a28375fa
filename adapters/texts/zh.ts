import type { FixedTexts } from "./fixed-texts.ts";

/** 简体中文. */
export const zh: FixedTexts = {
  code: "zh",
  commandDescriptions: {
    start: "介绍这个机器人和它掌握的内容",
    help: "怎样提问",
    ask: "就简报提问：/ask <问题>",
    sources: "刊物和最新几期",
    new: "开始新的对话",
  },
  intro: "我是 briefbot，回答关于科技通讯和每周简报的问题，并注明所引用的段落。",
  telegramHowToAsk: [
    "在私聊中直接发送问题即可。",
    "在群组中，请提及我、回复我的某条回答，或使用 /ask <问题>。",
    "回答会引用简报原文，并为来源编号 [1]、[2]……",
  ],
  slackHowToAsk: [
    "点击 Slack 顶部的 AI 助手按钮打开我，或给我发私信。",
    "在频道中 @briefbot，我会在话题中回答，之后在该话题里无需再提及我。",
    "使用 /brief <问题> 获得只有你能看到的回答。",
    "回答会引用简报原文，并为来源编号 [1]、[2]……",
  ],
  storeSummary: ({ documents, publications, latestDate }) =>
    documents === 0
      ? "目前还没有载入任何简报，载入之后才能回答问题。"
      : `我掌握 ${publications.length} 份刊物的 ${documents} 期内容` +
        `${publications.length > 0 ? `（${publications.join("、")}）` : ""}` +
        `${latestDate === null ? "" : `，最新一期为 ${latestDate}`}。`,
  noBriefsYet: "目前还没有载入任何简报。",
  publicationsHeading: "刊物",
  latestIssuesHeading: "最新几期",
  publicationLine: (documents, latestDate) =>
    `${documents} 期${latestDate === null ? "" : `，最新 ${latestDate}`}`,
  askUsage: "用法：/ask <问题>，例如 /ask 简报里怎么评价开源模型？",
  slackAskUsage: "用法：`/brief <问题>`，例如 `/brief Node 22 有哪些变化？`",
  forgotConversation: "好的，开始新的对话。之前的问题不再作为上下文。",
  unknownCommand: "我不认识这个命令。发送 /help 查看我能做什么。",
  chatNotAllowed: "抱歉，我没有在这个聊天中启用。请联系运行此机器人的人，把这个聊天加入允许列表。",
  apology: "抱歉，回答时出了点问题。请稍后再试。",
  queuedNotice: (seconds) => `你提问的速度比我回答得快。我会按顺序回答你的问题，大约 ${seconds} 秒后开始。`,
  queueFull: (seconds) => `你已有太多问题在等待，这个问题没有保留。请大约 ${seconds} 秒后再问一次。`,
  emptyQuestionHint: "问我一些关于简报的问题，例如：“通讯里怎么说 WebGPU？”",
  sourcesHeading: "来源",
  relatedHeading: "简报中的相关报道",
  closestStoriesHeading: "简报中最接近的报道",
  moreSourcesHeading: "所引段落全文",
  notCovered: "简报中没有涉及这个问题。",
  buttons: { helpful: "👍", notHelpful: "👎", moreSources: "更多来源", closestStories: "最接近的报道" },
  feedbackLabels: { helpful: "回答有帮助", notHelpful: "回答没有帮助" },
  feedbackThanks: "感谢你的反馈！",
  feedbackRecorded: (rating) => (rating === "up" ? "你给了 👍，谢谢！" : "你给了 👎，谢谢！"),
  answerForgotten: "我已经不记得那个回答了，请重新提问。",
  searching: "正在检索简报……",
  loadingMessages: ["正在检索简报……", "正在阅读段落……", "正在核对来源……"],
  suggestedPromptsTitle: "可以这样问",
  suggestedPrompts: [
    { title: "本周有什么新闻？", message: "最新几期简报的主要报道是什么？" },
    { title: "AI 模型", message: "简报里怎么说新的开放权重 AI 模型？" },
    { title: "芯片", message: "芯片出口管制有什么新进展？" },
  ],
  assistantGreeting: "你好！关于我读过的通讯和简报，尽管问我。",
  appHomeTitle: "briefbot",
  coverageHeading: "我掌握的内容",
  howToAskHeading: "怎样提问",
};
