#include "instancelistmodel.h"

#include "costestimate.h"
#include "moneyformat.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using suanli::protocol::InstanceState;

namespace suanli::app {

InstanceListModel::InstanceListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int InstanceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int InstanceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int InstanceListModel::progressOf(InstanceState state)
{
    switch (state) {
    case InstanceState::Pending:
        return 10;
    case InstanceState::Provisioning:
        return 40;
    case InstanceState::Starting:
        return 60;
    case InstanceState::Stopping:
        return 50;
    case InstanceState::Destroying:
        return 50;
    default:
        return -1;
    }
}

QString InstanceListModel::stateText(InstanceState state)
{
    switch (state) {
    case InstanceState::Pending:
        return tr("Pending");
    case InstanceState::Provisioning:
        return tr("Provisioning");
    case InstanceState::Running:
        return tr("Running");
    case InstanceState::Stopping:
        return tr("Stopping");
    case InstanceState::Stopped:
        return tr("Stopped");
    case InstanceState::Starting:
        return tr("Starting");
    case InstanceState::Destroying:
        return tr("Destroying");
    case InstanceState::Destroyed:
        return tr("Destroyed");
    case InstanceState::Failed:
        return tr("Failed");
    case InstanceState::Interrupted:
        return tr("Interrupted");
    }
    return {};
}

QString InstanceListModel::reasonText(const QString &reason)
{
    if (reason.isEmpty())
        return {};
    if (reason == "user_requested"_L1)
        return tr("you asked");
    if (reason == "balance_exhausted"_L1)
        return tr("balance used up");
    if (reason == "host_lost"_L1)
        return tr("the host stopped answering");
    if (reason == "retention_expired"_L1)
        return tr("kept stopped too long");
    if (reason == "interruption_expired"_L1)
        return tr("the host stayed away too long");
    if (reason == "max_spend_reached"_L1)
        return tr("spending limit reached");
    if (reason == "max_duration_reached"_L1)
        return tr("time limit reached");
    if (reason == "idle_stop"_L1)
        return tr("idle, stopped by the cost guard");
    if (reason == "host_owner_returned"_L1 || reason == "owner_returned"_L1)
        return tr("the owner needs the machine");
    if (reason == "host_owner_forced_stop"_L1)
        return tr("the owner stopped it");
    return reason;
}

QString InstanceListModel::display(const protocol::Instance &in, int column) const
{
    const QDateTime now = m_clock->nowUtc();
    switch (column) {
    case Label:
        return in.label.isEmpty() ? tr("instance %1").arg(in.id) : in.label;
    case State: {
        const QString state = stateText(in.state);
        const QString reason = reasonText(in.state_reason);
        return reason.isEmpty() ? state : tr("%1 (%2)").arg(state, reason);
    }
    case Gpu:
        if (in.no_gpu) // a GPU instance started without one, until it starts normally
            return tr("Without a GPU (CPU only)");
        if (in.gpu_count == 0)
            return tr("CPU only");
        return tr("%1 × %2").arg(in.gpu_count).arg(in.gpu_model);
    case RunningTime:
        if (in.state == InstanceState::Running && in.running_since.isValid())
            return formatDuration(in.running_since.secsTo(now));
        return {};
    case Spend:
        return formatMoney(in.spend_micro, m_currency, m_locale);
    case Price: {
        const Micro hourly = protocol::hourlyRate(in);
        return tr("%1/h").arg(formatPrice(hourly, m_currency, m_locale));
    }
    case Release:
        if (in.state == InstanceState::Stopped && in.release_at.isValid()) {
            return tr("data deleted in %1 (%2/day)")
                .arg(formatDuration(now.secsTo(in.release_at)),
                     formatPrice(storagePerDay(in.price_storage_gb_month_micro, in.disk_gb),
                                 m_currency, m_locale));
        }
        // Released at --interrupted-release-after unless the host is back first; it costs
        // nothing meanwhile (docs/market.md, "Host lost").
        if (in.state == InstanceState::Interrupted && in.release_at.isValid())
            return tr("released in %1 unless the host returns")
                .arg(formatDuration(now.secsTo(in.release_at)));
        return {};
    }
    return {};
}

QVariant InstanceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const protocol::Instance &in = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(in, index.column());
    case InstanceIdRole:
        return in.id;
    case StateRole:
        return int(in.state);
    case ProgressRole:
        return progressOf(in.state);
    case RawDataRole:
        switch (index.column()) {
        case Spend:
            return in.spend_micro;
        case Price:
            return protocol::hourlyRate(in);
        case RunningTime:
            return in.running_since;
        default:
            return display(in, index.column());
        }
    case Qt::ToolTipRole:
        if (index.column() == State && !in.state_reason.isEmpty())
            return in.state_reason;
        return {};
    default:
        return {};
    }
}

QVariant InstanceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Label:
        return tr("Name");
    case State:
        return tr("State");
    case Gpu:
        return tr("GPUs");
    case RunningTime:
        return tr("Running for");
    case Spend:
        return tr("Spent");
    case Price:
        return tr("Price");
    case Release:
        return tr("Data kept");
    }
    return {};
}

void InstanceListModel::setInstances(const QList<protocol::Instance> &instances)
{
    beginResetModel();
    m_rows.clear();
    for (const auto &in : instances) {
        if (in.state != InstanceState::Destroyed)
            m_rows.push_back(in);
    }
    std::sort(m_rows.begin(), m_rows.end(),
              [](const auto &a, const auto &b) { return a.id > b.id; });
    endResetModel();
}

int InstanceListModel::rowOf(qint64 id) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == id)
            return int(i);
    }
    return -1;
}

const protocol::Instance *InstanceListModel::find(qint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_rows[size_t(row)];
}

void InstanceListModel::upsert(const protocol::Instance &instance)
{
    const int row = rowOf(instance.id);
    if (instance.state == InstanceState::Destroyed) {
        if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            endRemoveRows();
        }
        return;
    }
    if (row >= 0) {
        m_rows[size_t(row)] = instance;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    // Newest first: the position keeps ids descending.
    const auto it = std::find_if(m_rows.begin(), m_rows.end(),
                                 [&](const auto &r) { return r.id < instance.id; });
    const int at = int(it - m_rows.begin());
    beginInsertRows({}, at, at);
    m_rows.insert(m_rows.begin() + at, instance);
    endInsertRows();
}

void InstanceListModel::setCurrency(const QString &currency)
{
    if (currency.isEmpty() || currency == m_currency)
        return;
    m_currency = currency;
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void InstanceListModel::tick()
{
    if (m_rows.empty())
        return;
    emit dataChanged(index(0, RunningTime), index(rowCount() - 1, RunningTime));
    emit dataChanged(index(0, Release), index(rowCount() - 1, Release));
}

} // namespace suanli::app
