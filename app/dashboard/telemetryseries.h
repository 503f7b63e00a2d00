#pragma once

#include "app/defaultclock.h"
#include "protocol/agentmessages.h"

#include <QList>
#include <QPointF>

#include <optional>
#include <vector>

namespace suanli::dashboard {

/// What one chart line shows. GPU metrics exist once per GPU; CPU and memory once per instance.
enum class Metric : quint8 {
    GpuUtilization, ///< %
    GpuMemory,      ///< MB used
    GpuTemperature, ///< °C
    GpuPower,       ///< W
    Cpu,            ///< % of one core (may pass 100 on several cores)
    Memory,         ///< MB used by the instance
};

struct Channel
{
    Metric metric = Metric::Cpu;
    int gpu = -1; ///< GPU index for the Gpu* metrics
    bool operator==(const Channel &) const = default;
};

/// min/max/mean of one metric over a bucket (the market's 1-minute summaries).
struct Stat
{
    double min = 0;
    double max = 0;
    double mean = 0;
};

/// One minute older than an hour, as GET /api/v1/instances/{id}/telemetry answers it.
struct TelemetryBucket
{
    qint64 atMs = 0; ///< start of the minute
    int bucketS = 60;
    int count = 0;
    Stat cpu;
    Stat memory;
    struct Gpu
    {
        int index = 0;
        Stat utilization;
        Stat memory;
        Stat temperature;
        Stat power;
    };
    QList<Gpu> gpus;
};

/// A decimated line: points with x in ms since the epoch, y in the metric's unit.
struct Line
{
    QList<QPointF> points;
    double min = 0; ///< over the points; 0/0 when empty
    double max = 0;
};

/// The telemetry of one instance over the last 24 h: one-minute buckets (from the market's
/// history and from folding old live samples) and raw ~1 Hz samples. Rows are stored with all
/// channels side by side so that one pass over the rows decimates every line of a chart.
///
/// History and live samples merge by time: a sample within half a second of one already held
/// is the same sample (the market's copy of a live one) and is dropped.
class TelemetrySeries
{
public:
    static constexpr qint64 kDayMs = 24 * 3600 * 1000LL;

    /// Raw samples older than `ms` before the newest are folded into minute buckets, as the
    /// market does (default 1 h): memory stays ~5,000 rows per instance. 0 keeps all raw.
    void setRawHorizon(qint64 ms) { m_rawHorizonMs = ms; }

    /// A sample without a time ("at" is nullable on the events socket) is taken at `clock`'s now.
    void addSample(const protocol::TelemetrySample &sample,
                   const Clock &clock = app::defaultClock());
    void addBucket(const TelemetryBucket &bucket);
    /// Drops everything older than `keepMs` before `nowMs` (24 h by default).
    void prune(qint64 nowMs, qint64 keepMs = kDayMs);
    void clear();

    int gpuCount() const { return m_gpus; }
    bool isEmpty() const { return m_rawT.empty() && m_bucketT.empty(); }
    qsizetype rawCount() const { return qsizetype(m_rawT.size()); }
    qsizetype bucketCount() const { return qsizetype(m_bucketT.size()); }
    /// Time of the newest row, ms since the epoch; 0 when empty.
    qint64 lastMs() const;
    /// The newest raw value of a channel.
    std::optional<double> latest(Channel channel) const;

    /// Min/max decimation of [fromMs, toMs] to `pixels` columns: per column the lowest and the
    /// highest value in time order (at most 2 points per pixel), so spikes survive any zoom.
    /// A bucket counts with its min and max at its middle.
    QList<Line> decimate(const QList<Channel> &channels, qint64 fromMs, qint64 toMs,
                         int pixels) const;

private:
    int column(Channel channel) const;
    int stride() const { return 2 + 4 * m_gpus; }
    void growGpus(int gpus);
    void foldOldRaw();

    int m_gpus = 0;
    qint64 m_rawHorizonMs = 3600 * 1000LL;
    // raw: m_rawV holds stride() floats per row; NaN where a row lacks a channel
    std::vector<qint64> m_rawT;
    std::vector<float> m_rawV;
    // buckets: min, max and mean, stride() floats per row each
    std::vector<qint64> m_bucketT;
    std::vector<float> m_bucketMin;
    std::vector<float> m_bucketMax;
    std::vector<float> m_bucketMean;
};

/// A y-axis range that reads well: 0 to a round number (1, 2, 2.5, 5 × 10^n) at least 5 % above
/// the data,
/// never below `floorMax` (100 for percentages).
struct AxisRange
{
    double min = 0;
    double max = 1;
    bool operator==(const AxisRange &) const = default;
};
AxisRange niceAxis(double dataMax, double floorMax = 0);
double niceCeil(double value);

} // namespace suanli::dashboard
