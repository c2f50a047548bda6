/**
 * Remote partitioning of a screening run (issue 14): the manager cuts the input into line-exact byte ranges
 * ({@link io.vigil.registry.screen.input.InputSlices}), Spring Batch's {@code MessageChannelPartitionHandler} sends
 * one request per range over JMS to an ActiveMQ Artemis broker and polls the shared job repository, and long-lived
 * workers ({@code vigil worker}) screen each range with the same reader, processor and writer as a single-node run.
 * {@code vigil broker} runs an embedded broker for tests and small deployments. See docs/scale-out.md.
 */
package io.vigil.batch.partition;
