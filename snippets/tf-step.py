# One training step in TensorFlow 2: a tape records, then hands back fresh gradients.
import tensorflow as tf

tf.keras.utils.set_random_seed(0)
x, y = tf.random.normal((64, 3)), tf.random.normal((64, 1))
model = tf.keras.layers.Dense(1)
opt = tf.keras.optimizers.SGD(learning_rate=0.1)
loss_fn = tf.keras.losses.MeanSquaredError()
first = float(loss_fn(y, model(x)))

# region step
for _ in range(20):
    with tf.GradientTape() as tape:  # record only inside this block
        loss = loss_fn(y, model(x))
    grads = tape.gradient(loss, model.trainable_variables)  # no zeroing
    opt.apply_gradients(zip(grads, model.trainable_variables))
# endregion step

print("loss went down:", float(loss) < first)
