#include "instancehistoryview.h"

#include "app/instancelistmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace suanli::ui::charts {

InstanceHistoryView::InstanceHistoryView(dashboard::DashboardClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_status(new QLabel(this))
    , m_list(new QTreeWidget(this))
{
    setObjectName(u"instanceHistory"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list->setObjectName(u"instanceHistoryList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({tr("Time"), tr("State"), tr("Why")});
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(0, 170);
    m_list->setColumnWidth(1, 130);
    m_status->setObjectName(u"instanceHistoryStatus"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
}

QString InstanceHistoryView::statusText() const
{
    return m_status->text();
}

void InstanceHistoryView::setInstance(qint64 instanceId)
{
    if (instanceId == m_instanceId)
        return;
    m_instanceId = instanceId;
    m_list->clear();
    reload();
}

void InstanceHistoryView::reload()
{
    const int generation = ++m_generation;
    if (m_instanceId <= 0 || !m_client) {
        m_status->clear();
        return;
    }
    m_status->setText(tr("Loading the history…"));
    m_client->instanceEvents(m_instanceId, this,
                             [this, generation](Result<QList<dashboard::InstanceHistoryEvent>> r) {
        if (generation != m_generation)
            return; // another instance was picked meanwhile
        if (!r) {
            m_status->setText(tr("Cannot load the history: %1").arg(r.error().message));
            return;
        }
        showEvents(*r);
        emit loaded();
    });
}

void InstanceHistoryView::showEvents(const QList<dashboard::InstanceHistoryEvent> &events)
{
    m_list->clear();
    const QLocale locale;
    QList<QTreeWidgetItem *> items;
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        const auto state = protocol::instanceStateFromString(it->state);
        const QString stateText = state ? app::InstanceListModel::stateText(*state) : it->state;
        items.append(new QTreeWidgetItem(
            QStringList{locale.toString(it->at.toLocalTime(), QLocale::ShortFormat), stateText,
                        app::InstanceListModel::reasonText(it->reason)}));
        if (!it->reason.isEmpty())
            items.last()->setToolTip(2, it->reason);
    }
    m_list->addTopLevelItems(items);
    m_status->setText(events.isEmpty() ? tr("No changes recorded yet.")
                                       : tr("%n change(s), newest first.", nullptr,
                                            int(events.size())));
}

} // namespace suanli::ui::charts
