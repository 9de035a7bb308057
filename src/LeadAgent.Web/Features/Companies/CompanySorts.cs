using System.Linq.Expressions;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Web.Features.Companies;

/// <summary>The company list's sortable columns, sorted in SQL ("sort" of the API list and of the page).</summary>
public static class CompanySorts
{
    public const string Default = "name";
    public static readonly string[] Fields = ["name", "country", "segment", "fit", "leads", "createdAt", "updatedAt"];

    public static SortColumns<Company> For(AppDbContext db) => new SortColumns<Company>(Default)
        .Add("name", c => c.Name)
        .Add("country", c => c.Country)
        .Add("segment", SegmentRank())
        .Add("fit", c => c.Fit != null ? c.Fit.FitScore : (int?)null)
        .Add("leads", c => db.Set<Lead>().Count(l => l.CompanyId == c.Id && l.ArchivedAt == null))
        .Add("createdAt", c => c.CreatedAt)
        .Add("updatedAt", c => c.UpdatedAt);

    // The effective segment (a person's, else the agent's) by its label, A–Z; unknown comes last like a blank.
    private static Expression<Func<Company, int?>> SegmentRank()
    {
        Expression<Func<Company, Segment>> effective = c =>
            c.Segment != Segment.Unknown ? c.Segment : c.Fit != null ? c.Fit.Segment : Segment.Unknown;
        var byLabel = Enum.GetValues<Segment>().Where(s => s != Segment.Unknown).OrderBy(SegmentLabels.Of).ToList();
        Expression rank = Expression.Constant(null, typeof(int?));
        for (var i = byLabel.Count - 1; i >= 0; i--)
        {
            var same = Expression.Equal(Expression.Convert(effective.Body, typeof(int)),
                Expression.Constant((int)byLabel[i]));
            rank = Expression.Condition(same, Expression.Constant(i, typeof(int?)), rank);
        }
        return Expression.Lambda<Func<Company, int?>>(rank, effective.Parameters);
    }
}
