using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Signals;
using Microsoft.ML;

namespace LeadAgent.Web.Features.Qualification.Segments;

/// <summary>
/// A trained segment model with the accuracies it was chosen on. Thread-safe: each thread gets its own prediction
/// engine (ML.NET's is not).
/// </summary>
public sealed class TrainedSegmentModel
{
    private readonly ThreadLocal<PredictionEngine<ModelInput, ModelOutput>> _engine;
    private readonly SegmentClassifier _rules;

    internal TrainedSegmentModel(MLContext ml, ITransformer model, SegmentClassifier rules, double accuracy,
        double rulesAccuracy, int labels)
    {
        _rules = rules;
        Accuracy = accuracy;
        RulesAccuracy = rulesAccuracy;
        Labels = labels;
        _engine = new(() => ml.Model.CreatePredictionEngine<ModelInput, ModelOutput>(model));
    }

    /// <summary>Cross-validated accuracy on the labels it was trained on.</summary>
    public double Accuracy { get; }

    /// <summary>The rules' accuracy on the same labels.</summary>
    public double RulesAccuracy { get; }

    public int Labels { get; }

    /// <summary>The model's segment and its probability, given the rules' verdict on the same signals.</summary>
    public (Segment Segment, double Probability) Predict(CompanySignals s, SegmentVerdict rules)
    {
        var output = _engine.Value!.Predict(ModelInput.From(s, rules));
        var segment = Enum.TryParse<Segment>(output.Predicted, out var p) ? p : rules.Segment;
        var probability = output.Score.Length == 0 ? 0 : output.Score.Max();
        return (segment, Math.Round(probability, 3));
    }

    public (Segment Segment, double Probability) Predict(CompanySignals s) => Predict(s, _rules.Classify(s));
}
