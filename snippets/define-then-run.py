# Define-then-run (TF 1.x style): build, then run.
import tensorflow as tf

tf.compat.v1.disable_eager_execution()
v1 = tf.compat.v1

x = v1.placeholder(tf.float32, shape=(), name="x")
y = x * x + 3.0 * x    # adds nodes, computes nothing
(dy_dx,) = v1.gradients(y, [x])
print(y)                     # a symbol, not a value

with v1.Session() as sess:
    out = sess.run([y, dy_dx], feed_dict={x: 2.0})
print("y =", float(out[0]), "| dy/dx =", float(out[1]))
