package com.example.nnswish;

import dev.nn.core.contract.LayerContract;
import dev.nn.core.layer.LayerType;
import java.util.Map;

/** The layer contract, on the module path: shapes, gradients of the input and the gains, determinism. */
class GainTests extends LayerContract {

    @Override
    protected LayerType create() {
        return new Gain().withParameters(Map.of("init", 0.7));
    }
}
