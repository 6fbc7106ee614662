/**
 * Contract tests for plugin authors, shipped in nn-core's test-jar: extend
 * {@link dev.nn.core.contract.ActivationContract}, {@link dev.nn.core.contract.CostContract},
 * {@link dev.nn.core.contract.RegularizerContract} or {@link dev.nn.core.contract.InitializerContract}
 * and implement {@code create()}.
 */
package dev.nn.core.contract;
