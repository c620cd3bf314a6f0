package io.ganstudio.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

import io.ganstudio.core.engine.PortableOps;

import java.util.List;

/**
 * The two networks of a class-conditional GAN, wrapped around the plain DCGAN ones. Both take a second input: the
 * classes as one-hot rows (n, classes), so that an embedding lookup is a matrix product and has a gradient.
 * <ul>
 *   <li>Generator: a learned class embedding (classes x {@link #EMBEDDING}) joined to z before the first layer.</li>
 *   <li>Discriminator: a projection head (Miyato and Koyama 2018): the inner product of a learned class embedding
 *       with the last hidden layer's features, summed over positions, added to the plain logit.</li>
 * </ul>
 */
public final class ConditionalBlocks {

    /** Length of the generator's class embedding, joined to z. */
    public static final int EMBEDDING = 50;

    private ConditionalBlocks() {
    }

    /** One-hot rows for the labels, on the given manager. */
    public static NDArray oneHot(NDManager manager, int[] labels, int classes) {
        float[] v = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("class " + labels[i] + " is not one of the model's " + classes);
            }
            v[i * classes + labels[i]] = 1f;
        }
        return PortableOps.create(manager, v, new Shape(labels.length, classes));
    }

    /** Generator: inputs (z as (n, latent, 1, 1), one-hot (n, classes)); output the images. */
    public static final class Generator extends AbstractBlock {
        private final Block body;
        private final Parameter embedding;
        private final int classes;
        private final int latent;

        public Generator(Block body, int classes, int latent) {
            this.classes = classes;
            this.latent = latent;
            this.body = addChildBlock("body", body);
            this.embedding = addParameter(Parameter.builder().setName("classEmbedding")
                    .setType(Parameter.Type.OTHER).optInitializer(new NormalInitializer(1f)).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            return body.forward(store, new NDList(join(store, inputs.get(0), inputs.get(1), training)), training,
                    params);
        }

        /** z with the classes' embedding joined: the plain generator's input. */
        public NDArray join(ParameterStore store, NDArray z, NDArray oneHot, boolean training) {
            NDArray e = store.getValue(embedding, z.getDevice(), training);
            return NDArrays.concat(new NDList(z, oneHot.matMul(e).reshape(z.getShape().get(0), EMBEDDING, 1, 1)), 1);
        }

        /** The plain generator inside. */
        public Block body() {
            return body;
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            body.initialize(manager, dataType, joinedShape(inputShapes[0]));
        }

        private Shape joinedShape(Shape z) {
            return new Shape(z.get(0), latent + EMBEDDING, 1, 1);
        }

        @Override
        protected void prepare(Shape[] inputs) {
            embedding.setShape(new Shape(classes, EMBEDDING));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputs) {
            return body.getOutputShapes(new Shape[] {joinedShape(inputs[0])});
        }
    }

    /**
     * Discriminator: inputs (images, one-hot (n, classes)); outputs the logits (n, 1) and the class logits
     * (n, classes): the projection embedding's inner product with the features for every class, of which the
     * projection head adds the asked-for class's to the logit (P2GAN, Han et al. 2021, trains them as a classifier).
     * Runs the plain discriminator's layers one by one so that it can keep the last hidden features (its last two
     * layers are the logit convolution and the flattening).
     */
    public static final class Discriminator extends AbstractBlock {
        private final Block body;
        private final Parameter embedding;
        private final int classes;
        private final int features;

        public Discriminator(Block body, int classes, int features) {
            this.classes = classes;
            this.features = features;
            this.body = addChildBlock("body", body);
            this.embedding = addParameter(Parameter.builder().setName("classProjection")
                    .setType(Parameter.Type.WEIGHT).build());
        }

        /** The plain discriminator inside (for spectral normalisation's power iteration). */
        public Block body() {
            return body;
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            List<Block> layers = body.getChildren().values();
            NDList x = new NDList(inputs.get(0));
            int head = layers.size() - 2;
            for (int i = 0; i < head; i++) {
                x = layers.get(i).forward(store, x, training, params);
            }
            NDArray h = x.singletonOrThrow();
            NDList logit = x;
            for (int i = head; i < layers.size(); i++) {
                logit = layers.get(i).forward(store, logit, training, params);
            }
            NDArray v = store.getValue(embedding, h.getDevice(), training);
            NDArray pooled = h.sum(new int[] {2, 3});
            NDArray projection = inputs.get(1).matMul(v).mul(pooled).sum(new int[] {1}, true);
            return new NDList(logit.singletonOrThrow().add(projection), pooled.matMul(v.transpose()));
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            body.initialize(manager, dataType, inputShapes[0]);
        }

        @Override
        protected void prepare(Shape[] inputs) {
            embedding.setShape(new Shape(classes, features));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputs) {
            return new Shape[] {new Shape(inputs[0].get(0), 1), new Shape(inputs[0].get(0), classes)};
        }
    }
}
