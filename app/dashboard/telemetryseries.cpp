#include "telemetryseries.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>
#include <limits>

namespace suanli::dashboard {

namespace {

constexpr qint64 kMinuteMs = 60'000;
// The agent samples at 1 Hz; two samples closer than this are one sample seen twice (live and
// again in the market's history).
constexpr qint64 kSameSampleMs = 500;
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

int metricOffset(Metric metric)
{
    switch (metric) {
    case Metric::GpuUtilization: return 0;
    case Metric::GpuMemory: return 1;
    case Metric::GpuTemperature: return 2;
    case Metric::GpuPower: return 3;
    case Metric::Cpu:
    case Metric::Memory: break;
    }
    return -1;
}

// Inserts `count` rows' worth of NaN-filled columns for a wider stride.
void restride(std::vector<float> &values, size_t rows, int oldStride, int newStride)
{
    std::vector<float> out(rows * size_t(newStride), kNaN);
    for (size_t r = 0; r < rows; ++r)
        std::copy_n(values.begin() + qsizetype(r * size_t(oldStride)), oldStride,
                    out.begin() + qsizetype(r * size_t(newStride)));
    values.swap(out);
}

} // namespace

int TelemetrySeries::column(Channel channel) const
{
    if (channel.metric == Metric::Cpu)
        return 0;
    if (channel.metric == Metric::Memory)
        return 1;
    if (channel.gpu < 0 || channel.gpu >= m_gpus)
        return -1;
    return 2 + channel.gpu * 4 + metricOffset(channel.metric);
}

void TelemetrySeries::growGpus(int gpus)
{
    if (gpus <= m_gpus)
        return;
    const int oldStride = stride();
    m_gpus = gpus;
    restride(m_rawV, m_rawT.size(), oldStride, stride());
    restride(m_bucketMin, m_bucketT.size(), oldStride, stride());
    restride(m_bucketMax, m_bucketT.size(), oldStride, stride());
    restride(m_bucketMean, m_bucketT.size(), oldStride, stride());
}

void TelemetrySeries::addSample(const protocol::TelemetrySample &sample, const Clock &clock)
{
    // The events socket may send a sample without a time ("at" is nullable): it is now.
    const qint64 t = sample.at.isValid() ? sample.at.toMSecsSinceEpoch() : clock.nowMs();
    int gpus = 0;
    for (const auto &gpu : sample.gpus)
        gpus = std::max(gpus, gpu.index + 1);
    growGpus(gpus);

    size_t at = m_rawT.size();
    if (!m_rawT.empty() && t <= m_rawT.back() + kSameSampleMs) {
        const auto it = std::lower_bound(m_rawT.begin(), m_rawT.end(), t - kSameSampleMs);
        if (it != m_rawT.end() && *it <= t + kSameSampleMs)
            return;
        at = size_t(it - m_rawT.begin());
    }
    const int s = stride();
    std::vector<float> row(size_t(s), kNaN);
    row[0] = float(sample.cpu_pct);
    row[1] = float(sample.memory_used_mb);
    for (const auto &gpu : sample.gpus) {
        if (gpu.index < 0)
            continue;
        float *g = row.data() + 2 + gpu.index * 4;
        g[0] = float(gpu.utilization_pct);
        g[1] = float(gpu.memory_used_mb);
        g[2] = float(gpu.temperature_c);
        g[3] = float(gpu.power_w);
    }
    m_rawT.insert(m_rawT.begin() + qsizetype(at), t);
    m_rawV.insert(m_rawV.begin() + qsizetype(at * size_t(s)), row.begin(), row.end());
    if (at == m_rawT.size() - 1)
        foldOldRaw();
}

void TelemetrySeries::addBucket(const TelemetryBucket &bucket)
{
    int gpus = 0;
    for (const auto &gpu : bucket.gpus)
        gpus = std::max(gpus, gpu.index + 1);
    growGpus(gpus);
    const auto it = std::lower_bound(m_bucketT.begin(), m_bucketT.end(), bucket.atMs);
    if (it != m_bucketT.end() && *it == bucket.atMs)
        return;
    const size_t at = size_t(it - m_bucketT.begin());
    const int s = stride();
    std::vector<float> lo(size_t(s), kNaN), hi(size_t(s), kNaN), mean(size_t(s), kNaN);
    auto put = [&](int col, const Stat &stat) {
        lo[size_t(col)] = float(stat.min);
        hi[size_t(col)] = float(stat.max);
        mean[size_t(col)] = float(stat.mean);
    };
    put(0, bucket.cpu);
    put(1, bucket.memory);
    for (const auto &gpu : bucket.gpus) {
        if (gpu.index < 0)
            continue;
        const int base = 2 + gpu.index * 4;
        put(base, gpu.utilization);
        put(base + 1, gpu.memory);
        put(base + 2, gpu.temperature);
        put(base + 3, gpu.power);
    }
    const qsizetype off = qsizetype(at * size_t(s));
    m_bucketT.insert(m_bucketT.begin() + qsizetype(at), bucket.atMs);
    m_bucketMin.insert(m_bucketMin.begin() + off, lo.begin(), lo.end());
    m_bucketMax.insert(m_bucketMax.begin() + off, hi.begin(), hi.end());
    m_bucketMean.insert(m_bucketMean.begin() + off, mean.begin(), mean.end());
}

void TelemetrySeries::foldOldRaw()
{
    if (m_rawHorizonMs <= 0 || m_rawT.empty())
        return;
    const qint64 cutoff = (m_rawT.back() - m_rawHorizonMs) / kMinuteMs * kMinuteMs;
    if (m_rawT.front() >= cutoff)
        return;
    const int s = stride();
    size_t row = 0;
    while (row < m_rawT.size() && m_rawT[row] < cutoff) {
        const qint64 minute = m_rawT[row] / kMinuteMs * kMinuteMs;
        size_t end = row;
        while (end < m_rawT.size() && m_rawT[end] < minute + kMinuteMs)
            ++end;
        TelemetryBucket bucket;
        bucket.atMs = minute;
        bucket.count = int(end - row);
        auto stat = [&](int col) {
            Stat st{std::numeric_limits<double>::infinity(),
                    -std::numeric_limits<double>::infinity(), 0};
            int n = 0;
            for (size_t r = row; r < end; ++r) {
                const float v = m_rawV[r * size_t(s) + size_t(col)];
                if (std::isnan(v))
                    continue;
                st.min = std::min(st.min, double(v));
                st.max = std::max(st.max, double(v));
                st.mean += v;
                ++n;
            }
            if (n == 0)
                return std::optional<Stat>();
            st.mean /= n;
            return std::optional<Stat>(st);
        };
        bucket.cpu = stat(0).value_or(Stat{});
        bucket.memory = stat(1).value_or(Stat{});
        for (int g = 0; g < m_gpus; ++g) {
            const auto util = stat(2 + g * 4);
            if (!util)
                continue;
            bucket.gpus.append({g, *util, stat(3 + g * 4).value_or(Stat{}),
                                stat(4 + g * 4).value_or(Stat{}), stat(5 + g * 4).value_or(Stat{})});
        }
        addBucket(bucket); // a bucket the market already gave for this minute wins
        row = end;
    }
    m_rawT.erase(m_rawT.begin(), m_rawT.begin() + qsizetype(row));
    m_rawV.erase(m_rawV.begin(), m_rawV.begin() + qsizetype(row * size_t(s)));
}

void TelemetrySeries::prune(qint64 nowMs, qint64 keepMs)
{
    const qint64 cutoff = nowMs - keepMs;
    const int s = stride();
    const size_t raw = size_t(std::lower_bound(m_rawT.begin(), m_rawT.end(), cutoff) - m_rawT.begin());
    m_rawT.erase(m_rawT.begin(), m_rawT.begin() + qsizetype(raw));
    m_rawV.erase(m_rawV.begin(), m_rawV.begin() + qsizetype(raw * size_t(s)));
    const size_t b = size_t(std::lower_bound(m_bucketT.begin(), m_bucketT.end(), cutoff)
                            - m_bucketT.begin());
    m_bucketT.erase(m_bucketT.begin(), m_bucketT.begin() + qsizetype(b));
    for (auto *v : {&m_bucketMin, &m_bucketMax, &m_bucketMean})
        v->erase(v->begin(), v->begin() + qsizetype(b * size_t(s)));
}

void TelemetrySeries::clear()
{
    m_rawT.clear();
    m_rawV.clear();
    m_bucketT.clear();
    m_bucketMin.clear();
    m_bucketMax.clear();
    m_bucketMean.clear();
}

qint64 TelemetrySeries::lastMs() const
{
    qint64 last = 0;
    if (!m_rawT.empty())
        last = m_rawT.back();
    if (!m_bucketT.empty())
        last = std::max(last, m_bucketT.back());
    return last;
}

std::optional<double> TelemetrySeries::latest(Channel channel) const
{
    const int col = column(channel);
    if (col < 0)
        return std::nullopt;
    const int s = stride();
    for (size_t r = m_rawT.size(); r-- > 0;) {
        const float v = m_rawV[r * size_t(s) + size_t(col)];
        if (!std::isnan(v))
            return double(v);
    }
    for (size_t r = m_bucketT.size(); r-- > 0;) {
        const float v = m_bucketMean[r * size_t(s) + size_t(col)];
        if (!std::isnan(v))
            return double(v);
    }
    return std::nullopt;
}

QList<Line> TelemetrySeries::decimate(const QList<Channel> &channels, qint64 fromMs,
                                      qint64 toMs, int pixels) const
{
    QList<Line> lines(channels.size());
    if (toMs <= fromMs || pixels <= 0 || channels.isEmpty())
        return lines;
    const size_t n = size_t(channels.size());
    const size_t px = size_t(pixels);
    const double perPx = double(toMs - fromMs) / pixels;
    const int s = stride();
    std::vector<int> cols(n);
    for (size_t k = 0; k < n; ++k)
        cols[k] = column(channels[qsizetype(k)]);

    constexpr float inf = std::numeric_limits<float>::infinity();
    std::vector<float> lo(n * px, inf), hi(n * px, -inf);
    std::vector<qint64> loT(n * px, 0), hiT(n * px, 0);
    auto pixelOf = [&](qint64 t) {
        return std::min(px - 1, size_t(double(t - fromMs) / perPx));
    };
    // NaN compares false both ways, so a missing value never updates a column.
    auto take = [&](size_t p, qint64 t, const float *rowLo, const float *rowHi) {
        for (size_t k = 0; k < n; ++k) {
            if (cols[k] < 0)
                continue;
            const size_t i = k * px + p;
            const float l = rowLo[cols[k]];
            const float h = rowHi[cols[k]];
            if (l < lo[i]) {
                lo[i] = l;
                loT[i] = t;
            }
            if (h > hi[i]) {
                hi[i] = h;
                hiT[i] = t;
            }
        }
    };

    // Buckets count at their middle, so a minute lands in the column it mostly covers.
    const qint64 half = kMinuteMs / 2;
    auto b = std::lower_bound(m_bucketT.begin(), m_bucketT.end(), fromMs - half);
    for (; b != m_bucketT.end() && *b + half <= toMs; ++b) {
        const size_t r = size_t(b - m_bucketT.begin());
        const qint64 mid = *b + half;
        take(pixelOf(mid), mid, m_bucketMin.data() + r * size_t(s), m_bucketMax.data() + r * size_t(s));
    }
    auto it = std::lower_bound(m_rawT.begin(), m_rawT.end(), fromMs);
    for (; it != m_rawT.end() && *it <= toMs; ++it) {
        const size_t r = size_t(it - m_rawT.begin());
        const float *row = m_rawV.data() + r * size_t(s);
        take(pixelOf(*it), *it, row, row);
    }

    for (size_t k = 0; k < n; ++k) {
        Line &line = lines[qsizetype(k)];
        if (cols[k] < 0)
            continue;
        line.points.reserve(qsizetype(2 * px));
        double mn = std::numeric_limits<double>::infinity();
        double mx = -mn;
        for (size_t p = 0; p < px; ++p) {
            const size_t i = k * px + p;
            if (hi[i] < lo[i])
                continue; // no data in this column
            mn = std::min(mn, double(lo[i]));
            mx = std::max(mx, double(hi[i]));
            const QPointF low(double(loT[i]), double(lo[i]));
            const QPointF high(double(hiT[i]), double(hi[i]));
            if (lo[i] == hi[i]) {
                line.points.append(low);
            } else if (hiT[i] < loT[i]) {
                line.points.append(high);
                line.points.append(low);
            } else {
                line.points.append(low);
                line.points.append(high);
            }
        }
        if (!line.points.isEmpty()) {
            line.min = mn;
            line.max = mx;
        }
    }
    return lines;
}

double niceCeil(double value)
{
    if (!(value > 0))
        return 1;
    const double base = std::pow(10.0, std::floor(std::log10(value)));
    for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (value <= m * base * (1 + 1e-9))
            return m * base;
    }
    return 10 * base;
}

AxisRange niceAxis(double dataMax, double floorMax)
{
    if (floorMax > 0 && dataMax <= floorMax)
        return {0, floorMax};
    // 5 % headroom, so a line at its maximum does not run along the frame.
    return {0, niceCeil(dataMax * 1.05)};
}

} // namespace suanli::dashboard
