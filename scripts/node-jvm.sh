# The JVM a session-chat node runs in, for scripts/cluster and the bench scripts (sourced, not
# run): one place for the module flags Hazelcast needs on Java 17 (see the parent pom's
# jvm.module.flags) and for the node's default JVM options, which CHAT_JVM_OPTS replaces.
#
# The default collector is the Parallel one, not G1 (the JVM's own choice on two cores and
# 2 GB): Vert.x stores the context it runs each handler on into a field of its event-loop
# thread before and after every handler, interceptors included, several times per delivery,
# and under G1 each store into that long-lived object passes G1's write barrier. Why and what
# it saves: docs/operations.md ("JVM options").
node_module_flags="--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED \
--add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
--add-opens java.management/sun.management=ALL-UNNAMED \
--add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED"
node_collector="-XX:+UseParallelGC"
node_jvm_opts=${CHAT_JVM_OPTS:--Xmx1g $node_collector}
