/* A float PID controller driving a simulated second-order plant through set-point steps (1500 steps a rep). */
#include "bench.h"

typedef struct { float kp, ki, kd, integral, previous, out_min, out_max; } pid_ctl;

static float pid_step(pid_ctl *c, float setpoint, float measured, float dt) {
    float error = setpoint - measured;
    c->integral += error * dt;
    float derivative = (error - c->previous) / dt;
    c->previous = error;
    float out = c->kp * error + c->ki * c->integral + c->kd * derivative;
    if (out > c->out_max) { c->integral -= error * dt; out = c->out_max; } /* anti-windup */
    if (out < c->out_min) { c->integral -= error * dt; out = c->out_min; }
    return out;
}

static uint32_t bits(float f) { union { float f; uint32_t u; } x = {f}; return x.u; }
float pid_sink;

__attribute__((noinline)) static uint32_t simulate(int steps) {
    pid_ctl c = {2.0f, 0.5f, 0.05f, 0.0f, 0.0f, -10.0f, 10.0f};
    float position = 0.0f, velocity = 0.0f, dt = 0.01f, setpoint = 0.0f;
    uint32_t f = BENCH_FOLD_INIT;
    for (int i = 0; i < steps; i++) {
        if (i % 500 == 0) setpoint = (float)((i / 500) % 5) - 2.0f;
        float u = pid_step(&c, setpoint, position, dt);
        float accel = u - 0.8f * velocity - 2.0f * position;
        velocity += accel * dt;
        position += velocity * dt;
        if (i % 64 == 0) f = bench_fold(f, bits(position));
    }
    pid_sink = position;
    return f;
}

BENCH_EXPORT uint32_t bench_run(uint32_t reps) {
    for (uint32_t r = 0; r < reps; r++) CHECK(1, simulate(1500), 0x4ac17285u);
    return 0;
}
