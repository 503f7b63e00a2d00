#pragma once

#include "defaultclock.h"

#include "protocol/types.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QLocale>

#include <vector>

namespace suanli::app {

/// The renter's instances, newest first, kept current from the list call and the events
/// socket. Running time and the release countdown are computed against a clock that tests
/// replace.
class InstanceListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Label, State, Gpu, RunningTime, Spend, Price, Release, ColumnCount };
    enum Role { InstanceIdRole = Qt::UserRole + 1, StateRole, ProgressRole, RawDataRole };

    explicit InstanceListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Replaces the list (a full reload). Destroyed instances are not shown.
    void setInstances(const QList<protocol::Instance> &instances);
    /// Inserts or updates one instance (an event, a create or an action's answer). An
    /// instance that became destroyed leaves the list.
    void upsert(const protocol::Instance &instance);

    int rowOf(qint64 id) const;
    const protocol::Instance &instance(int row) const { return m_rows[size_t(row)]; }
    const protocol::Instance *find(qint64 id) const;

    void setCurrency(const QString &currency);
    void setLocale(const QLocale &locale) { m_locale = locale; }
    void setClock(const Clock &clock) { m_clock = &clock; }
    /// Refreshes the columns that move with time (running time, countdown).
    void tick();

    /// 0–100 for states on the way to running or stopped; -1 when settled.
    static int progressOf(protocol::InstanceState state);
    /// Translated state name.
    static QString stateText(protocol::InstanceState state);
    /// Translated reason ("user_requested" → "you asked"), or the code itself when unknown.
    static QString reasonText(const QString &reason);

private:
    QString display(const protocol::Instance &instance, int column) const;

    std::vector<protocol::Instance> m_rows;
    QString m_currency = QStringLiteral("CNY");
    QLocale m_locale;
    const Clock *m_clock = &defaultClock();
};

} // namespace suanli::app
