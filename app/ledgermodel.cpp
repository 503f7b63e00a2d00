#include "ledgermodel.h"

#include "moneyformat.h"

using namespace Qt::StringLiterals;

namespace suanli::app {

LedgerModel::LedgerModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int LedgerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LedgerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LedgerModel::kindText(const QString &kind)
{
    if (kind == "topup"_L1)
        return tr("Top-up");
    if (kind == "voucher"_L1)
        return tr("Voucher");
    if (kind == "gpu"_L1)
        return tr("GPU time");
    if (kind == "storage"_L1)
        return tr("Storage");
    if (kind == "earning"_L1)
        return tr("Earning");
    if (kind == "fee"_L1)
        return tr("Platform fee");
    if (kind == "correction"_L1)
        return tr("Correction");
    return kind;
}

QVariant LedgerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const protocol::LedgerEntry &e = m_rows[size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return m_locale.toString(e.at.toLocalTime(), QLocale::ShortFormat);
        case Kind:
            return kindText(e.kind);
        case Description:
            if (e.instance_id > 0)
                return tr("instance %1").arg(e.instance_id);
            return e.description;
        case Amount:
            return QString((e.amount_micro > 0 ? u"+"_s : QString())
                           + formatMoney(e.amount_micro, m_currency, m_locale, 2, 6));
        case BalanceAfter:
            return formatMoney(e.balance_after_micro, m_currency, m_locale, 2, 6);
        }
    } else if (role == RawDataRole) {
        switch (index.column()) {
        case Time:
            return e.at;
        case Amount:
            return e.amount_micro;
        case BalanceAfter:
            return e.balance_after_micro;
        default:
            return data(index, Qt::DisplayRole);
        }
    } else if (role == Qt::TextAlignmentRole) {
        if (index.column() == Amount || index.column() == BalanceAfter)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant LedgerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Kind:
        return tr("Kind");
    case Description:
        return tr("Description");
    case Amount:
        return tr("Amount");
    case BalanceAfter:
        return tr("Balance after");
    }
    return {};
}

void LedgerModel::setEntries(const QList<protocol::LedgerEntry> &oldestFirst)
{
    beginResetModel();
    m_rows.assign(oldestFirst.crbegin(), oldestFirst.crend());
    endResetModel();
}

void LedgerModel::append(const QList<protocol::LedgerEntry> &oldestFirst)
{
    QList<protocol::LedgerEntry> fresh;
    for (const auto &e : oldestFirst) {
        if (e.id > lastId())
            fresh.append(e);
    }
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, 0, int(fresh.size()) - 1);
    m_rows.insert(m_rows.begin(), fresh.crbegin(), fresh.crend());
    endInsertRows();
}

void LedgerModel::setCurrency(const QString &currency)
{
    if (currency.isEmpty() || currency == m_currency)
        return;
    m_currency = currency;
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace suanli::app
