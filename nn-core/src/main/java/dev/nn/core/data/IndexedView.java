package dev.nn.core.data;

/** A data set that picks examples of another by index; views of views point at the original. */
final class IndexedView implements DataSet {

    private final DataSet base;
    private final int[] indices;

    private IndexedView(DataSet base, int[] indices) {
        this.base = base;
        this.indices = indices;
    }

    static DataSet of(DataSet base, int[] indices) {
        if (base instanceof IndexedView view) {
            int[] composed = new int[indices.length];
            for (int i = 0; i < indices.length; i++) {
                composed[i] = view.indices[indices[i]];
            }
            return new IndexedView(view.base, composed);
        }
        return new IndexedView(base, indices);
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public int inputSize() {
        return base.inputSize();
    }

    @Override
    public int classes() {
        return base.classes();
    }

    @Override
    public int label(int i) {
        return base.label(indices[i]);
    }

    @Override
    public void copyInputs(int i, double[] dst, int offset) {
        base.copyInputs(indices[i], dst, offset);
    }

    @Override
    public int prefetch(int i) {
        return base.prefetch(indices[i]);
    }

    @Override
    public int copyNonZeroInputs(int i, int[] idx, double[] val) {
        return base.copyNonZeroInputs(indices[i], idx, val);
    }

    @Override
    public void copyTarget(int i, double[] dst, int offset) {
        base.copyTarget(indices[i], dst, offset);
    }
}
