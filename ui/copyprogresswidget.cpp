#include "copyprogresswidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace suanli::ui {

CopyProgressWidget::CopyProgressWidget(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel copy…"), this))
{
    setObjectName(u"copyProgress"_s);
    m_text->setObjectName(u"copyProgressText"_s);
    m_text->setWordWrap(true);
    m_bar->setObjectName(u"copyProgressBar"_s);
    m_bar->setRange(0, 1000);
    m_cancel->setObjectName(u"cancelCopy"_s);
    m_cancel->setToolTip(tr("Destroys the new instance; the source stays as it is."));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, [this] { emit cancelRequested(m_id); });
    hide();
}

QString CopyProgressWidget::formatBytes(qint64 bytes, const QLocale &locale)
{
    static const char *const kUnits[] = {"B", "kB", "MB", "GB", "TB"};
    double value = double(bytes);
    int unit = 0;
    while (value >= 1000 && unit < 4) {
        value /= 1000;
        ++unit;
    }
    return u"%1 %2"_s.arg(locale.toString(value, 'f', unit == 0 ? 0 : 1),
                          QLatin1StringView(kUnits[unit]));
}

void CopyProgressWidget::setInstance(const protocol::Instance *instance)
{
    if (!instance || !instance->copy) {
        m_id = 0;
        hide();
        return;
    }
    const protocol::CopyStatus &copy = *instance->copy;
    if (instance->id != m_id) {
        m_id = instance->id;
        m_rate = 0;
        m_lastBytes = copy.bytes_done;
        m_since.start();
    } else if (copy.bytes_done != m_lastBytes && m_since.elapsed() > 0) {
        // Speed from successive events: the agent reports about once a second.
        const double sample = double(copy.bytes_done - m_lastBytes) * 1000.0 / m_since.elapsed();
        m_rate = m_rate > 0 ? 0.7 * m_rate + 0.3 * sample : sample;
        m_lastBytes = copy.bytes_done;
        m_since.start();
    }
    const QLocale locale;
    const bool running =
        copy.state == "waiting"_L1 || copy.state == "copying"_L1 || copy.state == "verifying"_L1;
    QString line;
    if (copy.state == "waiting"_L1)
        line =
            tr("Copy from instance %1: waiting for the new instance to start").arg(copy.source_id);
    else if (copy.state == "copying"_L1) {
        line = tr("Copying from instance %1: %2 of %3, %4 of %5 files")
                   .arg(copy.source_id)
                   .arg(formatBytes(copy.bytes_done, locale), formatBytes(copy.bytes_total, locale))
                   .arg(copy.files_done)
                   .arg(copy.files_total);
        if (m_rate > 0) {
            const qint64 left = qint64((copy.bytes_total - copy.bytes_done) / m_rate);
            line += tr(" · %1/s, about %2 left")
                        .arg(formatBytes(qint64(m_rate), locale))
                        .arg(left >= 60 ? tr("%n min", nullptr, int((left + 59) / 60))
                                        : tr("%n s", nullptr, int(left)));
        }
    } else if (copy.state == "verifying"_L1)
        line = tr("Verifying the copy against the source's checksums…");
    else if (copy.state == "done"_L1)
        line = copy.move ? tr("Moved: the copy was verified and the source destroyed.")
                         : tr("Cloned: the copy was verified.");
    else if (copy.state == "cancelled"_L1)
        line = tr("Copy cancelled; the source was left as it was.");
    else
        line = tr("The copy failed: %1. The source was left as it was.").arg(copy.error);
    m_text->setText(line);
    m_bar->setVisible(running);
    m_bar->setValue(copy.bytes_total > 0 ? int(copy.bytes_done * 1000 / copy.bytes_total) : 0);
    m_cancel->setVisible(running);
    show();
}

} // namespace suanli::ui
