package org.knowledgehub.ontology;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Terms of the Knowledge Hub ontology, {@code ontology/knowledge-hub.ttl}. */
public final class KH {

    public static final String NS = "https://w3id.org/knowledge-hub/ns#";

    public static final Resource Document = resource("Document");
    public static final Resource Minutes = resource("Minutes");
    public static final Resource AssessmentReport = resource("AssessmentReport");
    public static final Resource FieldNote = resource("FieldNote");
    public static final Resource FieldObservation = resource("FieldObservation");
    public static final Resource ObservationMethod = resource("ObservationMethod");
    public static final Resource Review = resource("Review");
    public static final Resource Verified = resource("Verified");
    public static final Resource Disputed = resource("Disputed");
    public static final Resource OtherDocument = resource("OtherDocument");
    public static final Resource Section = resource("Section");
    public static final Resource Passage = resource("Passage");
    public static final Resource TableContent = resource("TableContent");
    public static final Resource Ingestion = resource("Ingestion");
    public static final Resource Meeting = resource("Meeting");
    public static final Resource AgendaItem = resource("AgendaItem");
    public static final Resource ActionPoint = resource("ActionPoint");
    public static final Resource WorkingGroup = resource("WorkingGroup");
    public static final Resource Mention = resource("Mention");
    public static final Resource Public = resource("Public");
    public static final Resource Restricted = resource("Restricted");
    public static final Resource Confidential = resource("Confidential");
    public static final Resource ConsentRecord = resource("ConsentRecord");

    public static final Property inDocument = property("inDocument");
    public static final Property inSection = property("inSection");
    public static final Property text = property("text");
    public static final Property extractedText = property("extractedText");
    public static final Property startOffset = property("startOffset");
    public static final Property endOffset = property("endOffset");
    public static final Property order = property("order");
    public static final Property headingLevel = property("headingLevel");
    public static final Property sectionCount = property("sectionCount");
    public static final Property passageCount = property("passageCount");
    public static final Property sourceName = property("sourceName");
    public static final Property contentHash = property("contentHash");
    public static final Property original = property("original");
    public static final Property byteSize = property("byteSize");
    public static final Property parser = property("parser");
    public static final Property stage = property("stage");
    public static final Property indexStamp = property("indexStamp");
    public static final Property sensitivity = property("sensitivity");
    public static final Property sharedWith = property("sharedWith");
    public static final Property sharedWithSector = property("sharedWithSector");
    public static final Property typeCode = property("typeCode");
    public static final Property records = property("records");
    public static final Property location = property("location");
    public static final Property startTime = property("startTime");
    public static final Property duration = property("duration");
    public static final Property chair = property("chair");
    public static final Property minuteTaker = property("minuteTaker");
    public static final Property representedAgency = property("representedAgency");
    public static final Property attachments = property("attachments");
    public static final Property agendaItem = property("agendaItem");
    public static final Property subItemOf = property("subItemOf");
    public static final Property discussedIn = property("discussedIn");
    public static final Property actionPoint = property("actionPoint");
    public static final Property owner = property("owner");
    public static final Property ownerName = property("ownerName");
    public static final Property status = property("status");
    public static final Property acronym = property("acronym");
    public static final Property organisationKind = property("organisationKind");
    public static final Property unreviewed = property("unreviewed");
    /** A name reviewers said is no organisation, on the organisation reviews graph. */
    public static final Property notAnOrganisation = property("notAnOrganisation");
    public static final Property mentionedName = property("mentionedName");
    public static final Property pcode = property("pcode");
    public static final Property mentionType = property("mentionType");
    public static final Property exact = property("exact");
    public static final Property refersTo = property("refersTo");
    public static final Property value = property("value");
    public static final Property confidence = property("confidence");
    public static final Resource MetadataClaim = resource("MetadataClaim");
    public static final Property metadataClaim = property("metadataClaim");
    public static final Property claimedProperty = property("claimedProperty");
    public static final Property claimedValue = property("claimedValue");
    public static final Property claimMethod = property("claimMethod");
    public static final Resource ReportSeries = resource("ReportSeries");
    public static final Property seriesType = property("seriesType");
    public static final Property inPassage = property("inPassage");
    public static final Property mentions = property("mentions");
    public static final Property mentionsYear = property("mentionsYear");
    public static final Property mentionSpans = property("mentionSpans");
    public static final Property containsPersonalData = property("containsPersonalData");
    public static final Property consent = property("consent");
    public static final Property method = property("method");
    public static final Property observedFrom = property("observedFrom");
    public static final Property observedTo = property("observedTo");
    public static final Property locality = property("locality");
    public static final Property answers = property("answers");
    public static final Property reviewOf = property("reviewOf");
    public static final Property verdict = property("verdict");
    public static final Property note = property("note");
    public static final Property collectedFromPeople = property("collectedFromPeople");
    public static final Property unmaskedText = property("unmaskedText");
    public static final Property unmaskedTitle = property("unmaskedTitle");
    public static final Property unit = property("unit");
    public static final Property adminLevel = property("adminLevel");
    public static final Property preferredForSharedName = property("preferredForSharedName");
    public static final Property sharedAbroad = property("sharedAbroad");
    public static final Property alsoCommonWord = property("alsoCommonWord");

    public static final Resource ResearchQuestion = resource("ResearchQuestion");
    public static final Resource AnswerStatement = resource("AnswerStatement");
    public static final Resource PreferredRank = resource("PreferredRank");
    public static final Resource NormalRank = resource("NormalRank");
    public static final Resource DeprecatedRank = resource("DeprecatedRank");
    public static final Property aboutSector = property("aboutSector");
    public static final Property aboutArea = property("aboutArea");
    public static final Property aboutPopulation = property("aboutPopulation");
    public static final Property period = property("period");
    public static final Property answerKind = property("answerKind");
    public static final Property ignoresConstraint = property("ignoresConstraint");
    public static final Property askedBy = property("askedBy");
    public static final Property question = property("question");
    public static final Property answer = property("answer");
    public static final Property rank = property("rank");

    public static final Resource IndicatorImport = resource("IndicatorImport");
    public static final Resource IndicatorStructure = resource("IndicatorStructure");
    public static final Resource Indicator = resource("Indicator");
    public static final Property indicator = property("indicator");
    public static final Property refArea = property("refArea");
    public static final Property refPeriod = property("refPeriod");
    public static final Property obsValue = property("obsValue");
    public static final Property population = property("population");
    public static final Property table = property("table");
    public static final Property format = property("format");
    public static final Property sourceRow = property("sourceRow");
    public static final Property sourceColumn = property("sourceColumn");
    public static final Property columnHeading = property("columnHeading");
    public static final Property sumOf = property("sumOf");

    private KH() {
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }
}
