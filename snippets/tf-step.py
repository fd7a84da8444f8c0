# A TensorFlow 2 training step: a tape records,
# then hands back fresh gradients.
import tensorflow as tf

tf.keras.utils.set_random_seed(0)
x = tf.random.normal((64, 3))
y = tf.random.normal((64, 1))
model = tf.keras.layers.Dense(1)
opt = tf.keras.optimizers.SGD(learning_rate=0.1)
loss_fn = tf.keras.losses.MeanSquaredError()
first = float(loss_fn(y, model(x)))

# region step
params = model.trainable_variables
for _ in range(20):
    with tf.GradientTape() as tape:  # records
        loss = loss_fn(y, model(x))
    grads = tape.gradient(loss, params)  # fresh
    opt.apply_gradients(zip(grads, params))
# endregion step

print("loss went down:", float(loss) < first)
