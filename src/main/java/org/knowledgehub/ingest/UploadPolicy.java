package org.knowledgehub.ingest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.Optional;

import org.apache.jena.rdf.model.Resource;
import org.knowledgehub.Problems;
import org.knowledgehub.TextInput;
import org.knowledgehub.ontology.OrganisationDirectory;
import org.knowledgehub.ontology.SectorDirectory;
import org.knowledgehub.ontology.Sensitivity;
import org.knowledgehub.security.Caller;
import org.knowledgehub.security.Role;
import org.springframework.stereotype.Component;

/**
 * What an upload may claim. The admin uploads for anyone; other members contribute for their own
 * organisation only, under sources of their organisation, so no one replaces another
 * organisation's document by sending a file of the same name.
 */
@Component
public class UploadPolicy {

    private static final int MAX_ORGANISATION = 200;

    private final OrganisationDirectory organisations;
    private final SectorDirectory sectors;

    UploadPolicy(OrganisationDirectory organisations, SectorDirectory sectors) {
        this.organisations = organisations;
        this.sectors = sectors;
    }

    /** The owner to record: as given by the admin (a name or IRI), otherwise the caller's organisation. */
    public String owner(Caller caller, String requested) {
        boolean given = requested != null && !requested.isBlank();
        if (caller.has(Role.ADMIN)) {
            // The admin may file for an organisation the hub does not list yet: its name must be a name.
            if (!given) {
                return null;
            }
            String name = TextInput.line("organisation", requested, MAX_ORGANISATION);
            if (name.codePoints().noneMatch(Character::isLetterOrDigit)) {
                throw Problems.invalid("organisation", "organisation must be an organisation's name, acronym or IRI");
            }
            return name;
        }
        if (caller.organisation() == null) {
            throw Problems.forbidden("organisation", "your account belongs to no organisation yet; "
                    + "an admin must assign one before you can contribute documents");
        }
        if (given && !organisations.resolve(requested).map(Resource::getURI).equals(Optional.of(caller.organisation()))) {
            throw Problems.forbidden("organisation", "you can contribute documents for your own organisation only");
        }
        return caller.organisation();
    }

    /** The source name that identifies the document: a member's sources live under their organisation. */
    public String source(Caller caller, String owner, String name) {
        return caller.has(Role.ADMIN) ? name : owner.substring(owner.lastIndexOf('/') + 1) + "/" + name;
    }

    /** IRIs of the organisations a document is shared with. */
    public Set<String> sharedWith(List<String> names, Sensitivity level) {
        Set<String> iris = resolve(names, "sharedWith", organisations::resolve, "an organisation name, acronym or IRI");
        if (!iris.isEmpty() && level == Sensitivity.PUBLIC) {
            throw Problems.invalid("sharedWith", "a public document is visible to everyone; "
                    + "sharing applies to restricted and confidential documents");
        }
        return iris;
    }

    /** IRIs of the sectors whose members may read a restricted document. */
    public Set<String> sharedWithSectors(List<String> codes, Sensitivity level) {
        Set<String> iris = resolve(codes, "sharedWithSector", sectors::resolve, "a sector code such as wash or protection");
        if (!iris.isEmpty() && level != Sensitivity.RESTRICTED) {
            throw Problems.invalid("sharedWithSector", "sharing with sectors applies to restricted documents");
        }
        return iris;
    }

    private static Set<String> resolve(List<String> values, String field, Function<String, Optional<Resource>> resolver,
                                       String expected) {
        Set<String> iris = new LinkedHashSet<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (!v.isBlank()) {
                iris.add(resolver.apply(v).map(Resource::getURI).orElseThrow(() -> Problems.invalid(field,
                        "unknown " + field + " '" + (v.length() > 60 ? v.substring(0, 60) + "…" : v) + "': expected " + expected)));
            }
        }
        return iris;
    }
}
