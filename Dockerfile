# briefbot: one image for the bot replicas and the ingest/poll job (see compose.yaml).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# tsx runs the TypeScript sources directly, so production dependencies are all it needs.
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY src ./src
COPY adapters ./adapters
COPY prompts ./prompts
COPY data ./data
COPY tsconfig.json ./
# The store (and, without REDIS_URL, the state) lives here; mount a volume or point BRIEFBOT_DB at object storage.
ENV BRIEFBOT_DB=/var/lib/briefbot/db
VOLUME ["/var/lib/briefbot"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["node", "bin/briefbot.mjs"]
CMD ["serve"]
