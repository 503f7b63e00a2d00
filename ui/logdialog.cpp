#include "logdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace suanli::ui {

LogDialog::LogDialog(app::InstancesController *controller, qint64 instanceId,
                     const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_id(instanceId)
    , m_text(new QPlainTextEdit(this))
    , m_status(new QLabel(tr("Loading the log…"), this))
    , m_refresh(new QTimer(this))
{
    setObjectName(u"logDialog"_s);
    setWindowTitle(tr("Log of %1").arg(title));
    resize(820, 480);
    auto *layout = new QVBoxLayout(this);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(controller, &app::InstancesController::logsReady, this,
            [this](qint64 id, const QStringList &lines) {
        if (id != m_id)
            return;
        QScrollBar *bar = m_text->verticalScrollBar();
        const bool atEnd = bar->value() == bar->maximum();
        m_text->setPlainText(lines.join(u'\n'));
        if (atEnd)
            bar->setValue(bar->maximum());
        m_status->setText(lines.isEmpty() ? tr("The log is empty so far.")
                                          : tr("%n line(s); refreshed every 5 seconds.", nullptr,
                                               int(lines.size())));
    });
    connect(controller, &app::InstancesController::logsFailed, this,
            [this](qint64 id, const Error &error) {
        if (id == m_id)
            m_status->setText(tr("Cannot load the log: %1").arg(error.message));
    });
    m_refresh->setInterval(5000);
    connect(m_refresh, &QTimer::timeout, this, [this] { m_controller->fetchLogs(m_id); });
    m_refresh->start();
    m_controller->fetchLogs(m_id);
}

} // namespace suanli::ui
