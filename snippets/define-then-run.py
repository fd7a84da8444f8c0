# Define-then-run, TensorFlow 1.x style: describe the graph, then run it in a session.
import tensorflow as tf

tf.compat.v1.disable_eager_execution()

x = tf.compat.v1.placeholder(tf.float32, shape=(), name="x")
y = x * x + 3.0 * x             # adds nodes, computes nothing
(dy_dx,) = tf.compat.v1.gradients(y, [x])
print(y)                        # a symbol, not a value

with tf.compat.v1.Session() as sess:
    y_val, g_val = sess.run([y, dy_dx], feed_dict={x: 2.0})
print("y =", float(y_val), "| dy/dx =", float(g_val))
