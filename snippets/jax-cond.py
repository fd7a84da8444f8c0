# jax.jit traces like tf.function: a Python `if` on a traced value fails;
# jax.lax.cond puts both branches in the graph.
import jax
import jax.numpy as jnp

neg = -jnp.ones(3)


# region core
@jax.jit
def f(x):
    if x.sum() > 0:  # x is a tracer here, not a number
        return x * 2
    return x - 100


try:
    f(neg)
except jax.errors.TracerBoolConversionError as err:
    print(type(err).__name__ + ":")
    print(" ", str(err).splitlines()[0])


@jax.jit
def g(x):
    return jax.lax.cond(x.sum() > 0,
                        lambda x: x * 2,
                        lambda x: x - 100, x)


print("lax.cond, g(neg):", g(neg))
# endregion core
