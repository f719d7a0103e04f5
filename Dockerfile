# Build stage: compile and package the executable jar (tests run in CI, not here).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

# Runtime stage: a JRE, fonts for the PNG charts, a non-root user, the database on a volume.
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system stepup && useradd --system --gid stepup --home-dir /app stepup \
 && mkdir -p /app /data && chown stepup:stepup /data
WORKDIR /app
COPY --from=build /src/target/stepup-bot.jar /app/stepup-bot.jar
COPY prompts /app/prompts
COPY config /app/config
# The bot's live heap is small (about 14 MB after a 600-home programme): a serial collector and a heap that
# starts small and gives memory back keep it within a 256 MB container (README, Performance).
ENV STEPUP_DB=/data/stepup.db \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xms32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:MaxRAMPercentage=75 -Djava.awt.headless=true"
# DISCORD_TOKEN comes from the environment at run time: docker run -e DISCORD_TOKEN ...
VOLUME /data
USER stepup
# Healthy while the running bot keeps touching its heartbeat file beside the database (every 30 seconds).
HEALTHCHECK --interval=60s --timeout=5s --start-period=90s --retries=3 \
  CMD test -n "$(find /data/stepup.heartbeat -mmin -2 2>/dev/null)"
ENTRYPOINT ["java", "-jar", "/app/stepup-bot.jar"]
CMD ["run"]
