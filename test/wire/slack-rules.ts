/**
 * What the real Slack Web API refuses in Block Kit, for the fake to refuse too (`invalid_blocks`):
 * more than 50 blocks in a message (100 in a view), section text over 3000 characters, markdown
 * blocks over 12,000 characters together, and blocks of the wrong shape (unknown types, missing
 * text, empty or oversized element lists, bad feedback buttons). Returns the reasons, or [].
 */

export const MESSAGE_BLOCK_LIMIT = 50;
export const VIEW_BLOCK_LIMIT = 100;
export const SECTION_TEXT_LIMIT = 3000;
export const MARKDOWN_TOTAL_LIMIT = 12_000;
const contextElementLimit = 10;
const actionsElementLimit = 25;
const contextActionsElementLimit = 5;
const buttonValueLimit = 2000;
const headerTextLimit = 150;
const blockIdLimit = 255;

type Json = Record<string, unknown>;

/** Reasons Slack would give for refusing `blocks`; empty when it would accept them. */
export function blockErrors(blocks: unknown, surface: "message" | "view" = "message"): string[] {
  if (blocks === undefined) return [];
  if (!Array.isArray(blocks)) return ["blocks must be an array"];
  const errors: string[] = [];
  const limit = surface === "message" ? MESSAGE_BLOCK_LIMIT : VIEW_BLOCK_LIMIT;
  if (blocks.length > limit) errors.push(`no more than ${limit} items allowed [json-pointer:/blocks]`);
  let markdownTotal = 0;
  const blockIds = new Set<string>();
  blocks.forEach((raw, index) => {
    const at = `[json-pointer:/blocks/${index}]`;
    if (typeof raw !== "object" || raw === null) {
      errors.push(`block must be an object ${at}`);
      return;
    }
    const block = raw as Json;
    if (block.block_id !== undefined) {
      const id = String(block.block_id);
      if (id.length > blockIdLimit || blockIds.has(id)) errors.push(`invalid or duplicate block_id ${at}`);
      blockIds.add(id);
    }
    switch (block.type) {
      case "section": {
        const text = block.text as Json | undefined;
        if (text === undefined && block.fields === undefined)
          errors.push(`section needs text or fields ${at}`);
        if (text !== undefined) errors.push(...textErrors(text, SECTION_TEXT_LIMIT, `${at}/text`));
        break;
      }
      case "markdown": {
        if (typeof block.text !== "string" || block.text === "") errors.push(`markdown needs text ${at}`);
        else markdownTotal += block.text.length;
        break;
      }
      case "context": {
        const elements = block.elements;
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > contextElementLimit) {
          errors.push(`context needs 1–${contextElementLimit} elements ${at}`);
          break;
        }
        elements.forEach((element, elementIndex) => {
          errors.push(...textErrors(element as Json, SECTION_TEXT_LIMIT, `${at}/elements/${elementIndex}`));
        });
        break;
      }
      case "divider":
        break;
      case "header":
        errors.push(...textErrors(block.text as Json, headerTextLimit, `${at}/text`, "plain_text"));
        break;
      case "actions": {
        const elements = block.elements;
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > actionsElementLimit) {
          errors.push(`actions needs 1–${actionsElementLimit} elements ${at}`);
          break;
        }
        for (const element of elements as Json[]) {
          if (element.type !== "button" || typeof element.action_id !== "string")
            errors.push(`unsupported actions element ${at}`);
          errors.push(...textErrors(element.text as Json, 75, `${at}/text`, "plain_text"));
          if (typeof element.value === "string" && element.value.length > buttonValueLimit)
            errors.push(`button value too long ${at}`);
        }
        break;
      }
      case "context_actions": {
        const elements = block.elements;
        if (
          !Array.isArray(elements) ||
          elements.length === 0 ||
          elements.length > contextActionsElementLimit
        ) {
          errors.push(`context_actions needs 1–${contextActionsElementLimit} elements ${at}`);
          break;
        }
        for (const element of elements as Json[]) {
          if (element.type !== "feedback_buttons" && element.type !== "icon_button") {
            errors.push(`unsupported context_actions element ${String(element.type)} ${at}`);
            continue;
          }
          if (element.type === "feedback_buttons") {
            if (typeof element.action_id !== "string") errors.push(`feedback_buttons needs action_id ${at}`);
            for (const key of ["positive_button", "negative_button"]) {
              const button = element[key] as Json | undefined;
              if (button === undefined) {
                errors.push(`feedback_buttons needs ${key} ${at}`);
                continue;
              }
              errors.push(...textErrors(button.text as Json, 75, `${at}/${key}/text`, "plain_text"));
              if (typeof button.value !== "string" || button.value.length > buttonValueLimit)
                errors.push(`feedback button value missing or too long ${at}`);
              if (typeof button.accessibility_label === "string" && button.accessibility_label.length > 75)
                errors.push(`accessibility_label too long ${at}`);
            }
          }
        }
        break;
      }
      default:
        errors.push(`unsupported block type ${String(block.type)} ${at}`);
    }
  });
  if (markdownTotal > MARKDOWN_TOTAL_LIMIT)
    errors.push(`markdown blocks together exceed ${MARKDOWN_TOTAL_LIMIT} characters [json-pointer:/blocks]`);
  return errors;
}

function textErrors(text: Json | undefined, limit: number, at: string, only?: "plain_text"): string[] {
  if (text === undefined || typeof text !== "object") return [`missing text object ${at}`];
  if (text.type !== "mrkdwn" && text.type !== "plain_text") return [`invalid text type ${at}`];
  if (only !== undefined && text.type !== only) return [`must be ${only} ${at}`];
  if (typeof text.text !== "string" || text.text.length === 0) return [`text must not be empty ${at}`];
  if (text.text.length > limit) return [`must be less than ${limit + 1} characters ${at}`];
  return [];
}
