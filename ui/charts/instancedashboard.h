#pragma once

#include "app/dashboard/telemetryfeed.h"
#include "app/defaultclock.h"
#include "protocol/types.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QTimer;

namespace suanli::ui::charts {

class TimeChart;

/// One instance's telemetry: per-GPU utilisation, VRAM, temperature and power, and the
/// instance's CPU and memory, over 5 min, 1 h or 24 h. Draws from a TelemetryFeed: the
/// market's history when opened, then the live 1 Hz samples. Redraws at most once per second
/// and not more often than a pixel's worth of time, and only while visible.
class InstanceDashboard : public QWidget
{
    Q_OBJECT
public:
    enum class Window { FiveMinutes, OneHour, Day };
    Q_ENUM(Window)

    explicit InstanceDashboard(dashboard::TelemetryFeed *feed, QWidget *parent = nullptr);

    /// Shows this instance (and watches it in the feed).
    void setInstance(const protocol::Instance &instance);
    qint64 instanceId() const { return m_instance.id; }
    void setWindow(Window window);
    Window window() const { return m_window; }
    static qint64 windowMs(Window window);
    /// The app's clock (tests and screenshots pass a manual one).
    void setClock(const Clock &clock) { m_clock = &clock; }

    /// Redraws every chart now.
    void refresh();

    // For tests and benchmarks.
    TimeChart *utilizationChart() const { return m_util; }
    TimeChart *gpuMemoryChart() const { return m_vram; }
    TimeChart *temperatureChart() const { return m_temp; }
    TimeChart *powerChart() const { return m_power; }
    TimeChart *cpuChart() const { return m_cpu; }
    TimeChart *memoryChart() const { return m_mem; }
    QString summary() const;

signals:
    /// The user asked for the guard editor (the button in the header).
    void editGuardsRequested(qint64 instanceId);

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void onUpdated(qint64 instanceId);
    void scheduleTimer();
    void updateHeader();
    qint64 now() const;

    dashboard::TelemetryFeed *m_feed;
    protocol::Instance m_instance;
    Window m_window = Window::FiveMinutes;
    const Clock *m_clock = &app::defaultClock();
    bool m_dirty = false;

    QLabel *m_title;
    QLabel *m_readout;
    QButtonGroup *m_windows;
    QWidget *m_gpuCharts;
    QLabel *m_noGpu;
    TimeChart *m_util;
    TimeChart *m_vram;
    TimeChart *m_temp;
    TimeChart *m_power;
    TimeChart *m_cpu;
    TimeChart *m_mem;
    QTimer *m_timer;
};

} // namespace suanli::ui::charts
