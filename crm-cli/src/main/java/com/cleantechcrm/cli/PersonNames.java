package com.cleantechcrm.cli;

import java.util.List;
import java.util.Random;

/**
 * Synthetic person names for the sample data, grouped by language so that a first name goes with a plausible last
 * name. The lists include Latin letters with diacritics, Greek and Cyrillic script and apostrophes on purpose.
 */
final class PersonNames {

    private record NameGroup(List<String> firstNames, List<String> lastNames) {}

    private static final List<NameGroup> GROUPS = List.of(
            new NameGroup(
                    List.of("Olivia", "James", "Amelia", "Oliver", "Grace", "Harry", "Emily", "Thomas"),
                    List.of("Smith", "O'Brien", "Taylor", "Walsh", "Hughes", "Bennett", "Clarke", "Fitzgerald")),
            new NameGroup(
                    List.of("Jürgen", "Anneliese", "Lukas", "Käthe", "Jörg", "Sophie", "Matthias", "Bärbel"),
                    List.of("Müller", "Schröder", "Weiß", "Groß", "Köhler", "Hoffmann", "Krüger", "Maier")),
            new NameGroup(
                    List.of("François", "Chloé", "Hélène", "Noël", "Amélie", "Étienne", "Loïc", "Céline"),
                    List.of("Lefèvre", "Dubois", "Girard", "Bérenger", "D'Arcy", "Mercier", "Faure", "Rousseau")),
            new NameGroup(
                    List.of("José", "María", "Iñaki", "João", "Begoña", "Inês", "Álvaro", "Conceição"),
                    List.of("García", "Núñez", "Peña", "Gonçalves", "Ibáñez", "Fernández", "Simões", "Muñoz")),
            new NameGroup(
                    List.of("Søren", "Åsa", "Björn", "Sigríður", "Jökull", "Linnéa", "Ørjan", "Märta"),
                    List.of("Sørensen", "Ångström", "Þórsdóttir", "Lindqvist", "Østergaard", "Håkansson", "Nyström")),
            new NameGroup(
                    List.of("Łukasz", "Małgorzata", "Kateřina", "Jiří", "Zdeněk", "Agnieszka", "Tomáš", "Žaneta"),
                    List.of("Wiśniewski", "Dvořák", "Kowalczyk", "Nováková", "Łęcki", "Černý", "Zieliński")),
            new NameGroup(
                    List.of("Γιώργος", "Ελένη", "Νίκος", "Μαρία", "Δημήτρης", "Αικατερίνη", "Κώστας", "Σοφία"),
                    List.of("Παπαδόπουλος", "Οικονόμου", "Γεωργίου", "Καραγιάννης", "Βασιλείου", "Αλεξίου")),
            new NameGroup(
                    List.of("Дмитрий", "Ольга", "Олександр", "Наталія", "Иван", "Алёна", "Юлія", "Светлана"),
                    List.of("Иванов", "Шевченко", "Петрова", "Коваленко", "Стоянов", "Щербак", "Ткаченко")),
            new NameGroup(
                    List.of("Zeynep", "Çağrı", "Gökhan", "İlayda", "Şebnem", "Barış"),
                    List.of("Yılmaz", "Öztürk", "Şahin", "Kılıç", "Aydın", "Güneş")),
            new NameGroup(
                    List.of("Siobhán", "Seán", "Aoife", "Pádraig", "Niamh"),
                    List.of("Ó Súilleabháin", "Mac Giolla", "Ní Bhriain", "Ó Ceallaigh")),
            new NameGroup(
                    List.of("Chukwuemeka", "Ngozi", "Adébáyọ̀", "Folake", "Kwame", "Amara"),
                    List.of("Okafor", "Adeyemi", "Mensah", "Okonkwo", "Bello")),
            new NameGroup(
                    List.of("Priya", "Arjun", "Lakshmi", "Rohan", "Ananya"),
                    List.of("Sharma", "Iyer", "Banerjee", "Reddy", "Patel")),
            new NameGroup(
                    List.of("Nguyễn Thị", "Trần Văn", "Phạm Minh", "Lê Thu"), List.of("Hương", "Đức", "Anh", "Hà")),
            new NameGroup(
                    List.of("Yūki", "Haruto", "Sōta", "Aiko", "Mei"),
                    List.of("Satō", "Suzuki", "Takahashi", "Itō", "Watanabe")));

    private PersonNames() {}

    /** A first and a last name, each of which may contain spaces. */
    record PersonName(String first, String last) {
        String fullName() {
            return first + " " + last;
        }
    }

    static PersonName next(Random random) {
        NameGroup group = GROUPS.get(random.nextInt(GROUPS.size()));
        String first = group.firstNames().get(random.nextInt(group.firstNames().size()));
        String last = group.lastNames().get(random.nextInt(group.lastNames().size()));
        return new PersonName(first, last);
    }
}
