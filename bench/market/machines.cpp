#include "machines.h"

#include <QDateTime>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace suanli::bench {

namespace {

struct GpuKind
{
    QLatin1StringView model; ///< as the market's GPU table (server/gpucatalog.cpp) spells it
    qint64 memoryMb;         ///< per GPU, as NVML reports it
    int weight;              ///< share of machines, in percent
    double priceMin;         ///< CNY per GPU-hour (whole machine for CPU-only)
    double priceMax;
    double powerW;             ///< board power limit
    bool overseas;             ///< mostly listed outside mainland China (export rules)
    std::array<int, 6> counts; ///< GPU counts drawn from uniformly
};

// Prices: RTX 4090 from ¥1/h on C2C lending, 3090 ¥1.32/h (AutoDL), A100 80GB ¥6.68/h,
// A800 ¥5.98/h, H100 about $2/h overseas (≈ ¥14.5), L40S in between (2024–2025 list prices).
constexpr std::array<GpuKind, 7> kKinds{{
    {"RTX 4090"_L1, 24564, 34, 0.99, 2.20, 450, false, {1, 1, 2, 2, 4, 8}},
    {"RTX 3090"_L1, 24576, 18, 1.10, 1.60, 350, false, {1, 1, 2, 4, 4, 8}},
    {"L40S"_L1, 46068, 10, 3.80, 5.20, 350, false, {1, 2, 4, 4, 8, 8}},
    {"A100 80GB"_L1, 81920, 8, 6.00, 7.50, 400, false, {1, 2, 4, 8, 8, 8}},
    {"A800"_L1, 81920, 7, 5.50, 6.50, 400, false, {1, 2, 4, 8, 8, 8}},
    {"H100"_L1, 81559, 5, 13.0, 16.0, 700, true, {1, 4, 8, 8, 8, 8}},
    {""_L1, 0, 18, 0.15, 0.80, 0, false, {0, 0, 0, 0, 0, 0}}, // CPU-only machines
}};

constexpr std::array<QLatin1StringView, 6> kChinaRegions{
    "cn-east"_L1, "cn-east"_L1, "cn-north"_L1, "cn-south"_L1, "cn-southwest"_L1, "cn-central"_L1};
constexpr std::array<QLatin1StringView, 4> kOverseasRegions{"us-west"_L1, "us-east"_L1,
                                                            "eu-central"_L1, "ap-southeast"_L1};

struct Driver
{
    QLatin1StringView cuda;
    QLatin1StringView driver;
};
constexpr std::array<Driver, 4> kDrivers{{{"12.4"_L1, "550.54.15"_L1},
                                          {"12.4"_L1, "550.90.07"_L1},
                                          {"12.2"_L1, "535.129.03"_L1},
                                          {"11.8"_L1, "520.61.05"_L1}}};

template <typename T, size_t N> const T &pick(const std::array<T, N> &items, QRandomGenerator &rng)
{
    return items[rng.bounded(quint32(N))];
}

double uniform(double min, double max, QRandomGenerator &rng)
{
    return min + (max - min) * rng.generateDouble();
}

/// A GPU UUID in NVML's format, from the generator so runs are repeatable.
QString gpuUuid(QRandomGenerator &rng)
{
    const quint64 a = rng.generate64();
    const quint64 b = rng.generate64();
    return u"GPU-%1-%2-%3-%4-%5"_s.arg(a >> 32, 8, 16, QChar(u'0'))
        .arg((a >> 16) & 0xffff, 4, 16, QChar(u'0'))
        .arg(a & 0xffff, 4, 16, QChar(u'0'))
        .arg(b >> 48, 4, 16, QChar(u'0'))
        .arg(b & 0xffffffffffffULL, 12, 16, QChar(u'0'));
}

} // namespace

Machine makeMachine(int index, QRandomGenerator &rng)
{
    int roll = int(rng.bounded(100));
    const GpuKind *kind = &kKinds.back();
    for (const GpuKind &k : kKinds) {
        if (roll < k.weight) {
            kind = &k;
            break;
        }
        roll -= k.weight;
    }
    const int gpus = pick(kind->counts, rng);

    Machine m;
    protocol::MachineSpec &spec = m.hello.spec;
    const bool overseas = kind->overseas ? rng.bounded(10) < 9 : rng.bounded(10) == 0;
    spec.region = overseas ? pick(kOverseasRegions, rng) : pick(kChinaRegions, rng);
    if (gpus > 0) {
        const Driver &driver = pick(kDrivers, rng);
        spec.cuda_version = driver.cuda;
        spec.driver_version = driver.driver;
        for (int i = 0; i < gpus; ++i)
            spec.gpus.append({i, gpuUuid(rng), kind->model, kind->memoryMb});
        spec.cpu_cores = std::clamp(gpus * std::array{8, 12, 16, 24}[rng.bounded(4)], 8, 192);
        spec.ram_mb = std::max(32, gpus * std::array{32, 64, 128}[rng.bounded(3)]) * 1024LL;
    } else {
        spec.cpu_cores = std::array{8, 16, 32, 64, 96, 128}[rng.bounded(6)];
        spec.ram_mb = spec.cpu_cores * std::array{2, 4, 8}[rng.bounded(3)] * 1024LL;
    }
    // What an instance gets (docs/host.md, "Shares"): the machine divided among its GPUs, half
    // of a machine without; derived, not drawn, so the catalog's random stream stays the same.
    spec.share_cpu_cores =
        std::max<qint64>(1, gpus > 0 ? spec.cpu_cores / gpus : spec.cpu_cores / 2);
    spec.share_ram_mb = gpus > 0 ? spec.ram_mb / gpus : spec.ram_mb / 2;
    spec.disk_free_gb = 200 + rng.bounded(3800);
    spec.inet_down_mbps = std::array{100, 200, 500, 1000, 1000, 2500}[rng.bounded(6)];
    spec.inet_up_mbps = std::max(20, spec.inet_down_mbps / int(1 + rng.bounded(5)));

    m.name = u"bench-%1-%2"_s.arg(spec.region).arg(index, 5, 10, QChar(u'0'));
    m.hello.agent_version = u"0.1.0-bench"_s;
    // TEST-NET-3 (RFC 5737): documentation addresses, never contacted by the benchmark.
    m.hello.address = u"203.0.113.%1"_s.arg(1 + index % 254);
    m.hello.port_min = 40000;
    m.hello.port_max = 40999;
    m.hello.images = {
        {u"localhost/suanli/base:bookworm"_s, u"Debian bookworm with sshd"_s, false},
        {u"localhost/suanli/pytorch:2.3-cuda12.1"_s, u"PyTorch 2.3, CUDA 12.1"_s, true}};

    // Prices to the cent, in micro-units.
    const double price = uniform(kind->priceMin, kind->priceMax, rng);
    m.listing.listed = true;
    m.listing.price_gpu_hour_micro = qint64(price * 100.0 + 0.5) * 10'000;
    m.listing.price_storage_gb_month_micro = (10 + rng.bounded(41)) * 10'000; // ¥0.10–0.50
    m.listing.interruptible = rng.bounded(5) == 0;
    const int duration = int(rng.bounded(10));
    m.listing.min_duration_s = duration < 7 ? 0 : duration < 9 ? 3600 : 86400;
    return m;
}

double boardPowerW(const QString &gpuModel)
{
    for (const GpuKind &k : kKinds) {
        if (k.model == gpuModel)
            return k.powerW;
    }
    return 300;
}

protocol::TelemetrySample nextSample(const protocol::TelemetrySample &previous, qint64 instanceId,
                                     int gpus, qint64 gpuMemoryMb, double maxPowerW,
                                     QRandomGenerator &rng)
{
    protocol::TelemetrySample s;
    s.instance_id = instanceId;
    s.at = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < gpus; ++i) {
        protocol::GpuSample g;
        g.index = i;
        const bool have = i < previous.gpus.size();
        const double util = have ? previous.gpus[i].utilization_pct : 60 + rng.bounded(40);
        g.utilization_pct = std::clamp(util + uniform(-8, 8, rng), 0.0, 100.0);
        const qint64 mem = have ? previous.gpus[i].memory_used_mb : gpuMemoryMb / 2;
        g.memory_used_mb =
            std::clamp<qint64>(mem + qint64(uniform(-256, 256, rng)), 300, gpuMemoryMb);
        // Temperature and power follow utilisation, as on a real card.
        g.temperature_c = std::round(38 + 0.45 * g.utilization_pct + uniform(-2, 2, rng));
        g.power_w = std::round(maxPowerW * (0.15 + 0.8 * g.utilization_pct / 100.0) +
                               uniform(-10, 10, rng));
        s.gpus.append(g);
    }
    s.cpu_pct = std::clamp(previous.cpu_pct + uniform(-10, 10, rng), 5.0, 100.0 * 8);
    s.memory_used_mb = std::clamp<qint64>(previous.memory_used_mb + qint64(uniform(-512, 512, rng)),
                                          2048, 256 * 1024);
    s.ssh_sessions = previous.ssh_sessions == 0
                         ? int(rng.bounded(3))
                         : std::clamp(previous.ssh_sessions + int(rng.bounded(3)) - 1, 0, 4);
    return s;
}

} // namespace suanli::bench
