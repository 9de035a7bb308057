using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Icp;
using LeadAgent.Web.Features.Qualification.Signals;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace LeadAgent.Web.Features.Qualification.Segments;

/// <summary>What training found: how many labels, both accuracies on them, and the model when it is used.</summary>
public sealed record SegmentModelReport(int Labels, int Classes, double? ModelAccuracy, double RulesAccuracy,
    string Reason, TrainedSegmentModel? Model);

/// <summary>
/// Learns segments from the workspace's person-labelled companies: ML.NET multiclass (SDCA maximum entropy) over
/// the text fields' word and character n-grams, one-hot country and size band, and the rules' own verdict (a
/// text-only model reached 55–60 % on the fixture's labels). Used only with enough labels — at least
/// <see cref="MinLabels"/>, and <see cref="MinPerClass"/> in at least <see cref="MinClasses"/> classes, below which
/// a five-fold estimate is noise — and only when its cross-validated accuracy beats the rules on the same labels.
/// Deterministic (fixed seed, one thread); bounded (at most <see cref="MaxLabels"/> companies, text capped).
/// </summary>
public static class SegmentModel
{
    public const int MinLabels = 40, MinPerClass = 5, MinClasses = 3, MaxLabels = 5000, TextMax = 4000, Folds = 5,
        Seed = 15;

    /// <summary>The model when there are enough labels and it beats the rules; otherwise null.</summary>
    public static TrainedSegmentModel? Train(IReadOnlyList<CompanySignals> labelled, IcpSet icp) =>
        Assess(labelled, icp).Model;

    /// <summary>Trains and compares with the rules, saying why the model is used or not.</summary>
    public static SegmentModelReport Assess(IReadOnlyList<CompanySignals> labelled, IcpSet icp)
    {
        var rules = SegmentClassifier.For(icp);
        var rows = labelled.Where(s => s.Label is { } l && SegmentClassifier.Index(l) >= 0).Take(MaxLabels)
            .Select(s => ModelInput.From(s, rules.Classify(s))).ToList();
        var classes = rows.GroupBy(r => r.Label).Count(g => g.Count() >= MinPerClass);
        var rulesAccuracy = rows.Count == 0 ? 0 : rows.Count(r => r.RulesSegment == r.Label) / (double)rows.Count;
        if (rows.Count < MinLabels || classes < MinClasses)
        {
            return new SegmentModelReport(rows.Count, classes, null, rulesAccuracy,
                $"needs {MinLabels} labels with {MinPerClass} in {MinClasses} segments", null);
        }
        var ml = new MLContext(Seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = Pipeline(ml);
        var folds = ml.MulticlassClassification.CrossValidate(data, pipeline, Folds, "LabelKey", seed: Seed);
        var modelAccuracy = folds.Average(f => f.Metrics.MicroAccuracy);
        if (modelAccuracy <= rulesAccuracy)
        {
            return new SegmentModelReport(rows.Count, classes, modelAccuracy, rulesAccuracy,
                "the rules are as accurate on the labels", null);
        }
        var model = new TrainedSegmentModel(ml, pipeline.Fit(data), rules, modelAccuracy, rulesAccuracy, rows.Count);
        return new SegmentModelReport(rows.Count, classes, modelAccuracy, rulesAccuracy,
            "the model beats the rules on the labels", model);
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(ModelInput.Label))
            .Append(ml.Transforms.Text.FeaturizeText("TextFeatures", nameof(ModelInput.Text)))
            .Append(ml.Transforms.Categorical.OneHotEncoding([
                new InputOutputColumnPair("CountryFeatures", nameof(ModelInput.Country)),
                new InputOutputColumnPair("SizeFeatures", nameof(ModelInput.Size)),
                new InputOutputColumnPair("RulesFeatures", nameof(ModelInput.RulesSegment))]))
            .Append(ml.Transforms.Concatenate("Features", "TextFeatures", "CountryFeatures", "SizeFeatures",
                "RulesFeatures", nameof(ModelInput.RulesConfidence)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                new SdcaMaximumEntropyMulticlassTrainer.Options
                {
                    LabelColumnName = "LabelKey",
                    FeatureColumnName = "Features",
                    NumberOfThreads = 1,
                    MaximumNumberOfIterations = 40,
                }))
            .Append(ml.Transforms.Conversion.MapKeyToValue(nameof(ModelOutput.Predicted), "PredictedLabel"));
}

/// <summary>One company as the model reads it.</summary>
public sealed class ModelInput
{
    public string Label { get; set; } = "";
    public string Text { get; set; } = "";
    public string Country { get; set; } = "";
    public string Size { get; set; } = "";
    public string RulesSegment { get; set; } = "";
    public float RulesConfidence { get; set; }

    public static ModelInput From(CompanySignals s, SegmentVerdict rules)
    {
        var text = string.Join(" \n ", new[] { s.Name, s.SiteTitle, s.SiteDescription, s.Industry,
            string.Join(' ', s.Tags) }.Where(x => !string.IsNullOrWhiteSpace(x)))
            + " \n " + s.SiteText[..Math.Min(s.SiteText.Length, SegmentModel.TextMax)];
        return new ModelInput
        {
            Label = s.Label?.ToString() ?? "",
            Text = text,
            Country = s.Country?.ToUpperInvariant() ?? "",
            Size = s.Size.ToString(),
            RulesSegment = rules.Segment.ToString(),
            RulesConfidence = (float)rules.Confidence,
        };
    }
}

/// <summary>The model's answer: the predicted label and a probability per class.</summary>
public sealed class ModelOutput
{
    public string Predicted { get; set; } = "";
    public float[] Score { get; set; } = [];
}
