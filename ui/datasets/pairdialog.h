#pragma once

#include "app/datasets/datasetpair.h"
#include "protocol/result.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace suanli::app {
class InstanceListModel;
}

namespace suanli::ui {

/// Adds or edits a folder pair: the local folder (typed or picked with a file dialog), one of
/// the renter's running instances (or none yet: the pair can be set up before renting, for the
/// upload estimate), the path there, the direction and mirroring. OK emits submitted(); the
/// caller checks the pair and either closes the dialog or shows the error with setError().
class PairDialog : public QDialog
{
    Q_OBJECT
public:
    PairDialog(app::InstanceListModel *instances, const datasets::DatasetPair &pair, bool editing,
               QWidget *parent = nullptr);

    datasets::DatasetPair pair() const;
    void setError(const Error &error);

signals:
    void submitted(const suanli::datasets::DatasetPair &pair);

private:
    void fillInstances(const QString &current);
    void browse();
    void updateMirrorText();

    datasets::DatasetPair m_pair;
    QLineEdit *m_folder;
    QComboBox *m_instance;
    QLineEdit *m_remote;
    QComboBox *m_direction;
    QCheckBox *m_mirror;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    app::InstanceListModel *m_instances;
};

} // namespace suanli::ui
