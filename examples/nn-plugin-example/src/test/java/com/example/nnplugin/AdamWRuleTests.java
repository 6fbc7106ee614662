package com.example.nnplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn.core.contract.UpdateRuleContract;
import dev.nn.core.spi.Parameter;
import dev.nn.core.spi.UpdateRule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamWRuleTests extends UpdateRuleContract {

    @Override
    protected UpdateRule create() {
        return new AdamWRule();
    }

    private static Parameter parameter(String name, double value, double gradient, long step) {
        return new Parameter(new double[][] {{value}}, new double[][] {{gradient}}, new double[2][1][1], name, 0,
                new long[] {step});
    }

    /** The first step moves by eta whatever the gradient's size (m / sqrt(v) = sign(g) after correction). */
    @Test
    void theFirstStepIsEtaAgainstTheGradientPlusTheDecayOfWeightsOnly() {
        UpdateRule rule = new AdamWRule().withParameters(Map.of("decay", 0.5, "epsilon", 1e-12));
        Parameter weight = parameter(Parameter.WEIGHTS, 2.0, 0.001, 1);
        rule.step(weight, 0, 1, 0.1);
        assertEquals(2.0 * (1 - 0.1 * 0.5) - 0.1, weight.values(0)[0], 1e-9);
        Parameter bias = parameter(Parameter.BIASES, 2.0, -300, 1);
        rule.step(bias, 0, 1, 0.1);
        assertEquals(2.0 + 0.1, bias.values(0)[0], 1e-9, "biases are not decayed");
    }
}
