#include "instancedashboard.h"

#include "timechart.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace suanli::ui::charts {

using dashboard::Channel;
using dashboard::Metric;

namespace {

constexpr double kMbPerGiB = 1024.0;

struct Drawn
{
    QList<QList<QPointF>> lines;
    double max = 0;
};

Drawn decimated(const dashboard::TelemetrySeries &series, const QList<Channel> &channels,
                qint64 from, qint64 to, int pixels, double scale)
{
    Drawn d;
    const QList<dashboard::Line> lines = series.decimate(channels, from, to, pixels);
    d.lines.reserve(lines.size());
    for (const auto &line : lines) {
        QList<QPointF> points = line.points;
        if (scale != 1.0) {
            for (QPointF &p : points)
                p.setY(p.y() * scale);
        }
        d.max = std::max(d.max, line.max * scale);
        d.lines.append(std::move(points));
    }
    return d;
}

} // namespace

InstanceDashboard::InstanceDashboard(dashboard::TelemetryFeed *feed, QWidget *parent)
    : QWidget(parent)
    , m_feed(feed)
{
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_readout = new QLabel(this);
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_windows = new QButtonGroup(this);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addSpacing(12);
    header->addWidget(m_readout, 1);
    const QList<QPair<Window, QString>> windows{{Window::FiveMinutes, tr("5 min")},
                                                {Window::OneHour, tr("1 h")},
                                                {Window::Day, tr("24 h")}};
    for (const auto &[w, text] : windows) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setCheckable(true);
        button->setToolTip(tr("Show the last %1").arg(text));
        m_windows->addButton(button, int(w));
        header->addWidget(button);
    }
    m_windows->button(int(m_window))->setChecked(true);
    connect(m_windows, &QButtonGroup::idClicked, this,
            [this](int id) { setWindow(Window(id)); });
    auto *guards = new QPushButton(tr("Cost guard…"), this);
    guards->setToolTip(tr("Limits the market enforces even while this app is closed"));
    connect(guards, &QPushButton::clicked, this,
            [this] { emit editGuardsRequested(m_instance.id); });
    header->addSpacing(12);
    header->addWidget(guards);

    m_util = new TimeChart(tr("GPU utilisation"), tr("%"), this);
    m_vram = new TimeChart(tr("GPU memory used"), tr("GiB"), this);
    m_vram->setDecimals(1);
    m_temp = new TimeChart(tr("GPU temperature"), tr("°C"), this);
    m_power = new TimeChart(tr("GPU power"), tr("W"), this);
    m_cpu = new TimeChart(tr("CPU (100 % = one core)"), tr("%"), this);
    m_mem = new TimeChart(tr("Memory used"), tr("GiB"), this);
    m_mem->setDecimals(1);
    m_cpu->setLineNames({tr("CPU")});
    m_mem->setLineNames({tr("RAM")});
    // Below this a chart has no room for its axis labels (Qt Charts elides them to "…"); the
    // charts scroll instead when the window is short.
    const int minChartHeight = fontMetrics().height() * 17; // six y labels, title, legend
    for (TimeChart *chart : {m_util, m_vram, m_temp, m_power, m_cpu, m_mem}) {
        chart->setEmptyText(tr("Waiting for telemetry…"));
        chart->setMinimumHeight(minChartHeight);
    }

    auto *body = new QWidget(this);
    m_gpuCharts = new QWidget(body);
    auto *gpuGrid = new QGridLayout(m_gpuCharts);
    gpuGrid->setContentsMargins(0, 0, 0, 0);
    gpuGrid->addWidget(m_util, 0, 0);
    gpuGrid->addWidget(m_vram, 0, 1);
    gpuGrid->addWidget(m_temp, 1, 0);
    gpuGrid->addWidget(m_power, 1, 1);
    m_noGpu = new QLabel(tr("This instance has no GPU: the charts show its CPU and memory."), body);
    m_noGpu->setVisible(false);

    auto *instanceRow = new QHBoxLayout;
    instanceRow->addWidget(m_cpu);
    instanceRow->addWidget(m_mem);

    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(m_gpuCharts, 2);
    bodyLayout->addWidget(m_noGpu);
    bodyLayout->addLayout(instanceRow, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("dashboardScroll"));
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(scroll, 1);

    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    if (m_feed)
        connect(m_feed, &dashboard::TelemetryFeed::updated, this, &InstanceDashboard::onUpdated);
    setWindow(m_window);
}

qint64 InstanceDashboard::windowMs(Window window)
{
    switch (window) {
    case Window::FiveMinutes: return 5 * 60'000LL;
    case Window::OneHour: return 3600'000LL;
    case Window::Day: return 24 * 3600'000LL;
    }
    return 5 * 60'000LL;
}

qint64 InstanceDashboard::now() const
{
    return m_clock->nowMs();
}

void InstanceDashboard::setInstance(const protocol::Instance &instance)
{
    const bool changed = instance.id != m_instance.id;
    m_instance = instance;
    if (changed && m_feed && instance.id != 0)
        m_feed->watch(instance.id);
    updateHeader();
    refresh();
}

void InstanceDashboard::setWindow(Window window)
{
    m_window = window;
    if (auto *button = m_windows->button(int(window)))
        button->setChecked(true);
    scheduleTimer();
    refresh();
}

void InstanceDashboard::scheduleTimer()
{
    // Redraw once a second, or once per pixel's worth of time when that is longer (24 h over
    // 600 px: every 2.4 min), so an open dashboard costs next to nothing.
    const qint64 perPixel = windowMs(m_window) / std::max(1, m_util->plotWidth());
    m_timer->start(int(std::clamp<qint64>(perPixel, 1000, 60'000)));
}

void InstanceDashboard::onUpdated(qint64 instanceId)
{
    if (instanceId != m_instance.id)
        return;
    // The first data (history) is drawn at once; later samples wait for the timer.
    if (!m_dirty && isVisible())
        refresh();
}

void InstanceDashboard::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void InstanceDashboard::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    scheduleTimer();
}

void InstanceDashboard::updateHeader()
{
    QString title = m_instance.label.isEmpty() ? tr("Instance %1").arg(m_instance.id)
                                               : m_instance.label;
    if (m_instance.no_gpu)
        title += QStringLiteral(" · ") + tr("started without a GPU (CPU only)");
    else if (m_instance.gpu_count > 0)
        title += QStringLiteral(" · ") + tr("%1 × %2").arg(m_instance.gpu_count).arg(m_instance.gpu_model);
    m_title->setText(title);
}

QString InstanceDashboard::summary() const
{
    const dashboard::TelemetrySeries *s = m_feed ? m_feed->series(m_instance.id) : nullptr;
    if (!s || s->isEmpty())
        return tr("No telemetry yet");
    const QLocale locale;
    QStringList parts;
    if (s->gpuCount() > 0) {
        double util = 0;
        int n = 0;
        for (int g = 0; g < s->gpuCount(); ++g) {
            if (const auto v = s->latest({Metric::GpuUtilization, g})) {
                util += *v;
                ++n;
            }
        }
        if (n > 0)
            parts.append(tr("GPU %1 %").arg(locale.toString(util / n, 'f', 0)));
    }
    if (const auto cpu = s->latest({Metric::Cpu, -1}))
        parts.append(tr("CPU %1 %").arg(locale.toString(*cpu, 'f', 0)));
    if (const auto mem = s->latest({Metric::Memory, -1}))
        parts.append(tr("RAM %1 GiB").arg(locale.toString(*mem / kMbPerGiB, 'f', 2)));
    return parts.join(QStringLiteral("   "));
}

void InstanceDashboard::refresh()
{
    const dashboard::TelemetrySeries *s = m_feed ? m_feed->series(m_instance.id) : nullptr;
    const qint64 to = now();
    const qint64 from = to - windowMs(m_window);
    if (!s) {
        for (TimeChart *chart : {m_util, m_vram, m_temp, m_power, m_cpu, m_mem})
            chart->setLines({}, from, to, 0, 100);
        m_readout->clear();
        return;
    }
    m_dirty = !s->isEmpty();
    const int gpus = s->gpuCount();
    const bool hasGpu = gpus > 0 || m_instance.gpu_count > 0;
    m_gpuCharts->setVisible(hasGpu);
    m_noGpu->setVisible(!hasGpu);
    if (hasGpu) {
        QStringList names;
        for (int g = 0; g < gpus; ++g)
            names.append(tr("GPU %1").arg(g));
        auto draw = [&](TimeChart *chart, Metric metric, double scale, double floorMax) {
            chart->setLineNames(names);
            QList<Channel> channels;
            for (int g = 0; g < gpus; ++g)
                channels.append({metric, g});
            const Drawn d = decimated(*s, channels, from, to, chart->plotWidth(), scale);
            const auto y = dashboard::niceAxis(d.max, floorMax);
            chart->setLines(d.lines, from, to, y.min, y.max);
        };
        draw(m_util, Metric::GpuUtilization, 1.0, 100);
        draw(m_vram, Metric::GpuMemory, 1.0 / kMbPerGiB, 1);
        draw(m_temp, Metric::GpuTemperature, 1.0, 100);
        draw(m_power, Metric::GpuPower, 1.0, 100);
    }
    {
        const Drawn d = decimated(*s, {{Metric::Cpu, -1}}, from, to, m_cpu->plotWidth(), 1.0);
        const auto y = dashboard::niceAxis(d.max, 100);
        m_cpu->setLines(d.lines, from, to, y.min, y.max);
    }
    {
        const Drawn d = decimated(*s, {{Metric::Memory, -1}}, from, to, m_mem->plotWidth(),
                                  1.0 / kMbPerGiB);
        const auto y = dashboard::niceAxis(d.max, 1);
        m_mem->setLines(d.lines, from, to, y.min, y.max);
    }
    m_readout->setText(summary());
}

} // namespace suanli::ui::charts
