using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Qualification.Fit;

/// <summary>A company's judgement as pages and the API show it.</summary>
public sealed record CompanyFitView(Guid CompanyId, Segment Segment, double Confidence, FitMethod Method,
    IReadOnlyList<string> Evidence, int FitScore, IReadOnlyList<FitFactor> Factors, int IcpVersion,
    DateTime ComputedAt);

/// <summary>A discovery candidate's judgement, made now from its stored profile and pages.</summary>
public sealed record ProspectFitView(Segment Segment, double Confidence, FitMethod Method,
    IReadOnlyList<string> Evidence, int FitScore, IReadOnlyList<FitFactor> Factors, int IcpVersion);

/// <summary>Reads a company's fit and judges it again on request (writers).</summary>
public sealed class FitService(IDbContextFactory<AppDbContext> dbFactory, CompanyQualifier qualifier,
    ProspectQualifier prospects)
{
    /// <summary>Why a discovery candidate has its segment and fit score; null when there is no such prospect.</summary>
    public async Task<ProspectFitView?> ProspectAsync(Guid prospectId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var judged = await prospects.JudgeAsync(db, prospectId, ct);
        return judged is null ? null : new(judged.Judgement.Segment, judged.Judgement.Confidence,
            judged.Judgement.Method, judged.Judgement.Evidence, judged.Fit.Score, judged.Fit.Factors,
            judged.IcpVersion);
    }

    /// <summary>The company's fit; null when it was not judged yet (404 when there is no such company).</summary>
    public async Task<CompanyFitView?> FindAsync(Guid companyId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Companies.AnyAsync(c => c.Id == companyId, ct))
        {
            throw new NotFoundException("Company", companyId);
        }
        var fit = await db.CompanyFits.AsNoTracking().FirstOrDefaultAsync(f => f.CompanyId == companyId, ct);
        return fit is null ? null : View(fit);
    }

    public async Task<CompanyFitView> GetAsync(Guid companyId, CancellationToken ct = default) =>
        await FindAsync(companyId, ct) ?? throw new NotFoundException("Fit of company", companyId);

    /// <summary>Judges the company again now, whatever changed (writers only).</summary>
    public async Task<CompanyFitView> RefreshAsync(Guid companyId, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.RequireWriterAsync("judge companies");
            if (!await db.Companies.AnyAsync(c => c.Id == companyId, ct))
            {
                throw new NotFoundException("Company", companyId);
            }
            await qualifier.RefreshAsync(db, db.Companies.Where(c => c.Id == companyId), force: true, ct);
        }
        return await GetAsync(companyId, ct);
    }

    public static CompanyFitView View(CompanyFit f) => new(f.CompanyId, f.Segment, f.Confidence, f.Method,
        FitJson.ReadEvidence(f.Evidence), f.FitScore, FitJson.ReadFactors(f.FitFactors), f.IcpVersion, f.ComputedAt);
}
