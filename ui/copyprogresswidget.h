#pragma once

#include "protocol/types.h"

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace suanli::ui {

/// A clone's copy of its source's /workspace (docs/app.md, "Clone and move"): state, bytes and
/// files, speed and time left (from the instance's successive events), and Cancel, which asks
/// for the new instance to be destroyed. Hidden for instances that are no clone.
class CopyProgressWidget : public QWidget
{
    Q_OBJECT
public:
    explicit CopyProgressWidget(QWidget *parent = nullptr);

    /// The instance shown; null or no clone hides the widget.
    void setInstance(const protocol::Instance *instance);
    QProgressBar *bar() { return m_bar; }
    QLabel *text() { return m_text; }
    QPushButton *cancelButton() { return m_cancel; }
    /// Bytes per second over the samples seen; 0 while unknown.
    double bytesPerSecond() const { return m_rate; }

    /// "1.5 MB" in the locale's digits (decimal units, as disks are sold).
    static QString formatBytes(qint64 bytes, const QLocale &locale);

signals:
    void cancelRequested(qint64 instanceId);

private:
    qint64 m_id = 0;
    qint64 m_lastBytes = 0;
    double m_rate = 0; ///< smoothed
    QElapsedTimer m_since;
    QLabel *m_text;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
};

} // namespace suanli::ui
