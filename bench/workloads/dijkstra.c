/* Dijkstra's shortest paths (dense, O(V²)) from every node of a 40-node weighted graph. */
#include "bench.h"

#define V 40
#define INF 0x3FFFFFFF
static uint16_t weight[V][V]; /* 0: no edge */
static int32_t dist[V];
static uint8_t done[V];

__attribute__((noinline)) static uint32_t shortest_from(int source) {
    for (int i = 0; i < V; i++) { dist[i] = INF; done[i] = 0; }
    dist[source] = 0;
    for (int round = 0; round < V; round++) {
        int u = -1;
        for (int i = 0; i < V; i++) if (!done[i] && (u < 0 || dist[i] < dist[u])) u = i;
        if (dist[u] == INF) break;
        done[u] = 1;
        for (int v = 0; v < V; v++) {
            uint16_t w = weight[u][v];
            if (w && dist[u] + w < dist[v]) dist[v] = dist[u] + w;
        }
    }
    uint32_t total = 0;
    for (int i = 0; i < V; i++) total += dist[i] == INF ? 0 : (uint32_t)dist[i];
    return total;
}

BENCH_EXPORT uint32_t bench_run(uint32_t reps) {
    uint32_t s = 8080;
    for (int i = 0; i < V; i++)
        for (int j = 0; j < V; j++) weight[i][j] = (i != j && bench_rand(&s) % 4 == 0) ? (uint16_t)(1 + bench_rand(&s) % 100) : 0;
    for (uint32_t r = 0; r < reps; r++) {
        uint32_t f = BENCH_FOLD_INIT;
        for (int src = 0; src < V; src++) f = bench_fold(f, shortest_from(src));
        CHECK(1, f, 0xd2ddef16u);
    }
    return 0;
}
